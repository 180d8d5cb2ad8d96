import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { ConclusionsResolver } from './resolvers/conclusions.resolver.js';
import { ImportResolver } from './resolvers/import.resolver.js';
import { LiveResolver } from './resolvers/live.resolver.js';
import { PlanResolver } from './resolvers/plan.resolver.js';
import { RunListResolver } from './resolvers/run-list.resolver.js';
import { RunResolver } from './resolvers/run.resolver.js';
import { SweepResolver } from './resolvers/sweep.resolver.js';

const refusingPubSub: PubSub = {
  publish(routingKey) {
    throw new Error(`Events are published by the database on commit, not by the server (got "${routingKey}").`);
  },
  subscribe(routingKey) {
    throw new Error(`Subscriptions bring their own streams; none reads the PubSub (asked for "${String(routingKey)}").`);
  },
};

/**
 * The GraphQL schema, made from the type-graphql classes: the one source of the wire types.
 * Subscriptions read this server's LISTEN connection from the context, so the schema
 * itself needs no database. Every object type is declared with `simpleResolvers`: its plain
 * fields are read off the object, not through type-graphql's middleware wrapper. The schema
 * has no middleware and no auth checker, and on a 1,000-run grid the wrappers were some
 * 25,000 calls a request, each allocating (bench:api's grid p99 fell from 128–171 ms to
 * 97–106 ms without them).
 */
export function buildSweepscopeSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [SweepResolver, PlanResolver, RunResolver, RunListResolver, LiveResolver, ImportResolver, ConclusionsResolver],
    // type-graphql insists on a PubSub once there are subscriptions, though each of ours
    // brings its own stream. Only the database publishes (NOTIFY on commit), so this one refuses.
    pubSub: refusingPubSub,
    validate: false,
  });
}

import 'reflect-metadata';
import type { EventSubscriber } from '@sweepscope/db/events';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { createEventPubSub } from '../events/create-event-pub-sub.js';
import { LiveResolver } from './resolvers/live.resolver.js';
import { RunResolver } from './resolvers/run.resolver.js';
import { SweepResolver } from './resolvers/sweep.resolver.js';

/**
 * The GraphQL schema, made from the type-graphql classes: the one source of the wire types.
 * @param events the LISTEN connection that feeds subscriptions; null only to print the SDL
 */
export function buildSweepscopeSchema(events: EventSubscriber | null): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [SweepResolver, RunResolver, LiveResolver],
    pubSub: createEventPubSub(events),
    validate: false,
  });
}

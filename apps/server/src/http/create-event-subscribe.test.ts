import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLBoolean, GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { createEventSubscribe } from './create-event-subscribe.js';

/** A schema whose one subscription streams two events, counting how often an event's field runs. */
function countingSchema() {
  const counts = { executions: 0 };
  const event = new GraphQLObjectType({
    name: 'Event',
    fields: {
      seq: { type: GraphQLInt },
      label: {
        type: GraphQLString,
        args: { prefix: { type: GraphQLString } },
        resolve: (root: { seq: number }, { prefix }: { prefix?: string | null }) => {
          counts.executions += 1;
          return `${prefix ?? ''}${root.seq}`;
        },
      },
      context: { type: GraphQLInt, resolve: (_root, _args, context: { id: number }) => context.id },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        events: {
          type: event,
          args: { after: { type: GraphQLInt } },
          // Each subscriber's stream makes its own event objects, as the sweep streams do.
          subscribe: async function* () {
            yield { seq: 1 };
            yield { seq: 2 };
          },
          resolve: (root: unknown) => root,
        },
      },
    }),
  });
  return { schema, counts };
}

async function collect(result: AsyncIterableIterator<ExecutionResult> | ExecutionResult): Promise<ExecutionResult[]> {
  assert.ok(Symbol.asyncIterator in result, `expected a stream, got ${JSON.stringify(result)}`);
  const results: ExecutionResult[] = [];
  for await (const item of result) results.push(item);
  return results;
}

/** The results' data as plain objects: graphql-js makes them without a prototype. */
function dataOf(results: readonly ExecutionResult[]): unknown[] {
  return results.map((result) => JSON.parse(JSON.stringify(result.data)) as unknown);
}

describe('createEventSubscribe', () => {
  const document = parse(`subscription($after: Int, $prefix: String) { events(after: $after) { seq label(prefix: $prefix) } }`);

  it('executes an event once for every subscriber of the same operation, whatever their cursors', async () => {
    const { schema, counts } = countingSchema();
    const subscribe = createEventSubscribe({ createContext: () => ({}), shareMs: 60_000 });
    const first = await collect(await subscribe({ schema, document, variableValues: { after: 0, prefix: 'x' } }));
    const second = await collect(await subscribe({ schema, document, variableValues: { after: 7, prefix: 'x' } }));
    assert.deepEqual(dataOf(first), [{ events: { seq: 1, label: 'x1' } }, { events: { seq: 2, label: 'x2' } }]);
    assert.deepEqual(second, first);
    assert.equal(counts.executions, 2);
  });

  it('executes apart the operations whose events differ: another variable of a field, or another document', async () => {
    const { schema, counts } = countingSchema();
    const subscribe = createEventSubscribe({ createContext: () => ({}), shareMs: 60_000 });
    await collect(await subscribe({ schema, document, variableValues: { after: 0, prefix: 'x' } }));
    const other = await collect(await subscribe({ schema, document, variableValues: { after: 0, prefix: 'y' } }));
    assert.deepEqual(dataOf(other), [{ events: { seq: 1, label: 'y1' } }, { events: { seq: 2, label: 'y2' } }]);
    await collect(await subscribe({ schema, document: parse(`subscription { events { label } }`) }));
    assert.equal(counts.executions, 6);
  });

  it("gives each event a context of its own, not the subscription's", async () => {
    const { schema } = countingSchema();
    let made = 0;
    const subscribe = createEventSubscribe({ createContext: () => ({ id: ++made }) });
    const results = await collect(await subscribe({ schema, document: parse(`subscription { events { context } }`), contextValue: { id: 0 } }));
    assert.deepEqual(dataOf(results), [{ events: { context: 1 } }, { events: { context: 2 } }]);
  });

  it("returns the source's refusal as it is", async () => {
    const { schema } = countingSchema();
    const subscribe = createEventSubscribe({ createContext: () => ({}) });
    const result = await subscribe({ schema, document: parse(`subscription { nothing }`) });
    assert.ok(!(Symbol.asyncIterator in result));
    assert.match(String(result.errors?.[0]?.message), /nothing/);
  });
});

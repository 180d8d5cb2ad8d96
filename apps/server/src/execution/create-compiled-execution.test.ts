import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../context.js';
import { createCompiledExecution } from './create-compiled-execution.js';

class RefusalError extends Error {}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      double: { type: GraphQLInt, args: { n: { type: new GraphQLNonNull(GraphQLInt) } }, resolve: (_root, { n }: { n: number }) => 2 * n },
      refuse: {
        type: GraphQLString,
        resolve: () => {
          throw new RefusalError('no');
        },
      },
    },
  }),
});

async function run(query: string, options: { operationName?: string; variables?: Record<string, unknown> } = {}) {
  const gateway = createCompiledExecution(schema);
  const { executor } = await gateway.load({ apollo: { key: undefined, keyHash: undefined, graphRef: undefined } });
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (options.operationName === undefined || definition.name?.value === options.operationName),
  );
  // Only the fields the executor reads; Apollo's request context has many more.
  const requestContext = {
    queryHash: query,
    document,
    operation,
    operationName: operation?.name?.value ?? null,
    context: {} as Context,
    request: { operationName: options.operationName, variables: options.variables },
  } as unknown as Parameters<NonNullable<typeof executor>>[0];
  return executor!(requestContext);
}

describe('createCompiledExecution', () => {
  it('answers as graphql-js would, from the compiled operation, run again', async () => {
    assert.deepEqual(await run('query D($n: Int!) { double(n: $n) }', { variables: { n: 4 } }), { data: { double: 8 } });
    assert.deepEqual(await run('query D($n: Int!) { double(n: $n) }', { variables: { n: 5 } }), { data: { double: 10 } });
  });

  it("uses an operation's default for a variable left out, a non-null one included", async () => {
    assert.deepEqual(await run('query D($n: Int! = 3) { double(n: $n) }'), { data: { double: 6 } });
    assert.deepEqual(await run('query D($n: Int = 3) { double(n: $n) }', { variables: { n: 5 } }), { data: { double: 10 } });
  });

  it("hands on a resolver's error as a GraphQLError with its path, an extensions object and the error itself, which Apollo reads the code from", async () => {
    const { errors } = await run('{ refuse }');
    const [error] = errors ?? [];
    assert.ok(error instanceof GraphQLError);
    assert.deepEqual(error.path, ['refuse']);
    assert.ok(error.originalError instanceof RefusalError);
    assert.equal(typeof error.extensions, 'object', 'an extensions object, not undefined');
    assert.notEqual(error.extensions, null);
  });

  it("answers bad variables and an unknown operation with graphql-js' own errors", async () => {
    const bad = await run('query D($n: Int!) { double(n: $n) }', { variables: { n: 'four' } });
    assert.match(bad.errors?.[0]?.message ?? '', /^Variable "\$n" got invalid value "four"/);
    // What Apollo recognises a bad variable by, to answer BAD_USER_INPUT with HTTP 400.
    assert.equal(bad.errors?.[0]?.nodes?.[0]?.kind, Kind.VARIABLE_DEFINITION);
    assert.equal(bad.data, undefined);
    const unknown = await run('query A { double(n: 1) }', { operationName: 'B' });
    assert.equal(unknown.errors?.[0]?.message, 'Unknown operation named "B".');
  });
});

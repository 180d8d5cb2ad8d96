import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, printSchema, valueFromASTUntyped, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from '../context.js';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

/** Options of {@link createCompiledExecution}. */
export interface CompiledExecutionOptions {
  /** Compiled operations kept, the least recently used dropped first. @default 500 */
  cacheSize?: number;
}

/**
 * Apollo Server's execution replaced by graphql-jit's: each operation is compiled once into
 * a function that resolves it without graphql-js' per-field interpretation, and kept. On the
 * sweep page's 1,000-run grid (some 30,000 fields) execution was most of the time left once
 * its database reads were a few statements. Apollo takes a custom executor only through its
 * gateway interface, so this is one with a fixed schema; parsing, validation (the depth and
 * cost limits included), plugins and error formatting stay Apollo's.
 */
export function createCompiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions = {}): Gateway {
  const cacheSize = options.cacheSize ?? 500;
  // Insertion order is recency: a hit moves its entry to the end.
  const cache = new Map<string, CompiledQuery>();
  return {
    load: () =>
      Promise.resolve({
        executor: async ({ queryHash, document, operation, operationName, context, request }) => {
          // Apollo executes a document whose operation it could not pick (an unknown name, or
          // several without one), to answer with the executor's error: graphql-js' own.
          if ((operation as typeof operation | undefined) === undefined) {
            return execute({
              schema,
              document,
              operationName: request.operationName ?? null,
              contextValue: context,
              variableValues: request.variables ?? null,
            });
          }
          const key = `${queryHash}:${operationName ?? ''}`;
          let query = cache.get(key);
          if (query === undefined) {
            const compiled = compileQuery(schema, document, operationName ?? undefined);
            // Apollo has validated the document; what still fails to compile is answered as execution would.
            if (!isCompiledQuery(compiled)) return compiled;
            query = compiled;
            if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
          } else {
            cache.delete(key);
          }
          cache.set(key, query);
          // Checked by graphql-js first, so that bad variables are answered as before: Apollo
          // recognises its errors as BAD_USER_INPUT (HTTP 400). graphql-jit coerces them itself.
          const variables = withDefaults(operation, request.variables ?? {});
          const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
          if (errors) return { errors };
          const result = await query.query(undefined, context, variables);
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
        },
      }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    stop: () => Promise.resolve(),
  };
}

/**
 * A graphql-jit error as a GraphQLError made by its constructor. graphql-jit builds its own
 * without it, and leaves out the `extensions` object that Apollo reads every error's code
 * from: Apollo then fails while formatting, and answers a bare "Internal server error" in
 * place of the resolver's own error (a BAD_USER_INPUT, a NOT_FOUND).
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
  // The constructor derives locations from AST nodes, which graphql-jit's errors do not keep.
  return Object.defineProperty(converted, 'locations', { value: error.locations, enumerable: error.locations !== undefined });
}

/**
 * The variables with the operation's defaults for those not given, as a client would send
 * them (an enum by its name): graphql-jit refuses a non-null variable with a default when it
 * is left out (`$fromScratch: Boolean! = false`), where graphql-js uses the default.
 */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const filled = { ...variables };
  for (const { variable, defaultValue } of operation.variableDefinitions ?? []) {
    if (defaultValue !== undefined && !(variable.name.value in filled)) filled[variable.name.value] = valueFromASTUntyped(defaultValue);
  }
  return filled;
}

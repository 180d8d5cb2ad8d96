import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { SweepscopeError } from '@sweepscope/core';
import { classifyDatabaseError } from '@sweepscope/db/errors';

/**
 * The one place errors become wire errors: a SweepscopeError keeps its message and gets
 * its code (and the offending field) in `extensions`; GraphQL's own validation errors pass
 * as Apollo formats them; anything else is logged here and reaches the client as a bare
 * INTERNAL_SERVER_ERROR, never with a stack trace.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  const original = classifyDatabaseError(unwrapped) ?? unwrapped;
  if (original instanceof SweepscopeError) {
    return {
      message: original.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  process.stderr.write(`graphql: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}\n`);
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

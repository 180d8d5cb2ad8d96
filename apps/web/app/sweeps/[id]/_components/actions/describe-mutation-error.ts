import type { CombinedError } from '@urql/core';

/**
 * One line on why a mutation failed, in the API's own words: the messages of
 * its GraphQL errors (a CONFLICT says why the run cannot be cancelled or
 * retried now), or that the API could not be reached.
 */
export function describeMutationError(error: CombinedError): string {
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map((e) => e.message).join('; ');
  if (error.networkError !== undefined) return `Cannot reach the API (${error.networkError.message}).`;
  return error.message;
}

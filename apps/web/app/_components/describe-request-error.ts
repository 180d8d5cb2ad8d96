import type { CombinedError } from '@urql/core';

/**
 * One line on why a request failed, in the API's own words: the messages of
 * its GraphQL errors (a CONFLICT says why a run cannot be cancelled or
 * retried now), or that the API could not be reached.
 * @param apiUrl - named in the words for an unreachable API, when known
 */
export function describeRequestError(error: CombinedError, apiUrl?: string): string {
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map((e) => e.message).join('; ');
  if (error.networkError !== undefined) {
    return apiUrl === undefined
      ? `Cannot reach the API (${error.networkError.message}).`
      : `Cannot reach the Sweepscope API at ${apiUrl} (${error.networkError.message}). Is the server running?`;
  }
  return error.message;
}

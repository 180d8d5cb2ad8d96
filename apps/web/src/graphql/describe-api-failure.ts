import type { CombinedError } from '@urql/core';

/** One line on why a request to the API failed, for a server log. */
export function describeApiFailure(error: unknown): string {
  const combined = error as Partial<CombinedError>;
  if (combined.networkError !== undefined) return `network: ${combined.networkError.message}`;
  if (Array.isArray(combined.graphQLErrors) && combined.graphQLErrors.length > 0) {
    return combined.graphQLErrors.map((e) => `${typeof e.extensions['code'] === 'string' ? e.extensions['code'] : 'ERROR'}: ${e.message}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

import type { CombinedError } from '@urql/core';

/**
 * `extensions.code` values the Sweepscope API puts on its GraphQL errors (the
 * `ErrorCode` enum of `@sweepscope/db/errors`, which the web app does not
 * import: it would pull the database client into the browser bundle).
 */
export type ApiErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'DATABASE_UNAVAILABLE' | 'INTERNAL';

/** True when the API answered (no network failure) with an error carrying one of `codes`. */
export function hasApiErrorCode(error: CombinedError, ...codes: ApiErrorCode[]): boolean {
  return error.graphQLErrors.some((e) => codes.includes(e.extensions['code'] as ApiErrorCode));
}

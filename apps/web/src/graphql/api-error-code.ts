import type { CombinedError } from 'urql';

/**
 * `extensions.code` values the Sweepscope API puts on its GraphQL errors
 * (the server's `ErrorCode` enum, which the web app does not import).
 */
export type ApiErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'DATABASE_UNAVAILABLE' | 'INTERNAL';

/** True when the API answered (no network failure) with an error carrying one of `codes`. */
export function hasApiErrorCode(error: CombinedError, ...codes: ApiErrorCode[]): boolean {
  return error.graphQLErrors.some((e) => codes.includes(e.extensions['code'] as ApiErrorCode));
}

import type { CombinedError } from '@urql/core';
import type { ErrorCode } from '@sweepscope/core';

/** True when the API answered (no network failure) with an error whose `extensions.code` is one of `codes`. */
export function hasApiErrorCode(error: CombinedError, ...codes: ErrorCode[]): boolean {
  return error.graphQLErrors.some((e) => codes.includes(e.extensions['code'] as ErrorCode));
}

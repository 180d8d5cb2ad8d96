import { ErrorCode, SweepscopeError } from '@sweepscope/core';

/** The most items one page may hold: a larger page is one request a client could use to tie up the server. */
export const maxPageSize = 100;

/**
 * Checks a page size argument.
 * @throws {SweepscopeError} BAD_USER_INPUT outside 1–{@link maxPageSize}
 */
export function checkPageSize(first: number, argument: string): number {
  if (!Number.isSafeInteger(first) || first < 1 || first > maxPageSize) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `${argument} is ${first}: expected a whole number from 1 to ${maxPageSize}; ask for the next page with after.`,
      {
        field: [argument],
      },
    );
  }
  return first;
}

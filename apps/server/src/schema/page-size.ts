import { ErrorCode, maxRuns, SweepscopeError } from '@sweepscope/core';

/** The most items one page may hold: a larger page is one request a client could use to tie up the server. */
export const maxPageSize = 100;

/**
 * The most runs one page of the runs list may hold: a whole sweep's (core's `maxRuns`), so a
 * table of up to that many runs sorts and filters in the database yet reads in one request.
 * A run row is read from its own columns, so such a page costs about what one sweep's grid does.
 */
export const maxRunPageSize = maxRuns;

/**
 * Checks a page size argument.
 * @param max the largest page allowed @default {@link maxPageSize}
 * @throws {SweepscopeError} BAD_USER_INPUT outside 1–max
 */
export function checkPageSize(first: number, argument: string, max = maxPageSize): number {
  if (!Number.isSafeInteger(first) || first < 1 || first > max) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${argument} is ${first}: expected a whole number from 1 to ${max}; ask for the next page with after.`, {
      field: [argument],
    });
  }
  return first;
}

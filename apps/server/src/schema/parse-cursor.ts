import { ErrorCode, SweepscopeError } from '@sweepscope/core';

/**
 * Reads a cursor argument (a sweep's id in the sweeps list, an event's `cursor` in the
 * streams), which Sweepscope hands out as a whole number written as text.
 * @returns the number, or 0 for null: before everything
 * @throws {SweepscopeError} BAD_USER_INPUT when it is not one Sweepscope handed out
 */
export function parseCursor(cursor: string | null | undefined, argument: string): number {
  if (cursor === null || cursor === undefined) return 0;
  const value = Number(cursor);
  if (!/^\d+$/.test(cursor) || !Number.isSafeInteger(value)) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `${argument} "${cursor}" is not a cursor: pass a cursor the API returned (an event's cursor, or pageInfo.endCursor), or leave it out.`,
      { field: [argument] },
    );
  }
  return value;
}

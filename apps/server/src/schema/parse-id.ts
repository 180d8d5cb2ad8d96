import { largestId } from '@sweepscope/db';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';

/**
 * Reads a GraphQL `ID` argument as the database's integer id.
 * @throws {SweepscopeError} BAD_USER_INPUT when it is not a whole number from 1 to the largest id
 */
export function parseId(id: string, argument: string): number {
  const value = Number(id);
  if (!/^\d+$/.test(id) || value < 1 || value > largestId) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${argument} "${id}" is not an id: expected a whole number from 1 to ${largestId}, such as 12.`, {
      field: [argument],
    });
  }
  return value;
}

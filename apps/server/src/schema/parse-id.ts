import { ErrorCode, SweepscopeError } from '@sweepscope/db/errors';

/**
 * Reads a GraphQL `ID` argument as the database's integer id.
 * @throws {SweepscopeError} BAD_USER_INPUT when it is not a positive whole number
 */
export function parseId(id: string, argument: string): number {
  const value = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(value) || value < 1) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${argument} "${id}" is not an id: expected a whole number such as 12.`, {
      field: [argument],
    });
  }
  return value;
}

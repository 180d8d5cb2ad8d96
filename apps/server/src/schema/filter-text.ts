import { ErrorCode, maxNameLength, SweepscopeError } from '@sweepscope/core';

/**
 * Reads a text filter of a list (`search`, `tag`, `dataset`): trimmed, and null when empty,
 * as a cleared search box means. Each is matched against every row, and PostgreSQL refuses a
 * NUL in text outright, so a filter longer than a name or holding a control character is
 * refused here with the field named rather than failing in the database.
 * @throws {SweepscopeError} BAD_USER_INPUT past 200 characters or with a control character
 */
export function readFilterText(value: string | null | undefined, argument: string): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (text.length > maxNameLength) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `${argument} is ${text.length.toLocaleString('en')} characters long: expected at most ${maxNameLength} characters; search by fewer words.`,
      { field: [argument] },
    );
  }
  if (/\p{Cc}/u.test(text)) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${argument} holds a control character: expected text on one line.`, { field: [argument] });
  }
  return text;
}

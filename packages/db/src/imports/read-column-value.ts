import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { EpochColumn } from './epoch-row.js';

const decimalNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Whether text is a decimal number as people and programs write one (3, -0.5, .25, 1e-3), not hex, not `Infinity`. */
export function isDecimalNumber(text: string): boolean {
  return decimalNumber.test(text);
}

/**
 * Reads one value of a results column: the text of a CSV field, or a JSON value (a number,
 * or a string holding one). An empty, null or absent value is the column's default when the
 * column is optional. A fractional `duration_ms` is rounded to whole milliseconds, as
 * training stores it.
 * @param raw the field's text or the JSON value; undefined when the row has no such key
 * @param where the row, as messages name it: `runs.csv line 3`
 * @param field the input the error is reported against (its `field`)
 * @throws {SweepscopeError} BAD_USER_INPUT `<where>: <column> is "<value>": expected <what the column takes>.`
 */
export function readColumnValue(column: EpochColumn, raw: unknown, where: string, field: string): number | null {
  const refuse = (shown: string): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${where}: ${column.name} is ${shown}: expected ${column.expected}.`, { field: [field] });
  };
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  if (raw === undefined || raw === null || text === '') {
    if (column.required) refuse(raw === undefined ? 'missing' : raw === null ? 'null' : 'empty');
    return column.absent ?? null;
  }
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (text !== undefined && isDecimalNumber(text)) value = Number(text);
  else return refuse(typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw));
  const shown = typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw);
  if (!Number.isFinite(value) || (column.whole && !Number.isInteger(value)) || !column.accepts(value)) refuse(shown);
  return column.key === 'durationMs' ? Math.round(value) : value;
}

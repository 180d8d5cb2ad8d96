import { ErrorCode, SweepscopeError } from '../errors/index.js';
import type { FinalRunStatus } from '../runs/finish-run.js';
import { epochColumns, statusColumn, type EpochRow, type ResultRun } from './epoch-row.js';
import { groupEpochRows, type LocatedEpochRow } from './group-epoch-rows.js';
import { parseCsv } from './parse-csv.js';
import { parseJsonText } from './parse-json-text.js';
import { readColumnValue } from './read-column-value.js';

/** Options of {@link parseEpochTable}. */
export interface ParseEpochTableOptions {
  /** `csv`: a header line and one line per epoch; `json`: an array of one object per epoch. */
  format: 'csv' | 'json';
  /** The content's name in messages, e.g. the file's path. @default 'content' */
  source?: string;
  /** The input errors are reported against. @default 'content' */
  field?: string;
}

const required = epochColumns.filter((column) => column.required).map((column) => column.name);
const optional = [...epochColumns.filter((column) => !column.required).map((column) => column.name), statusColumn.name];
const columnsText = `${required.join(', ')} (and optionally ${optional.join(', ')})`;

/**
 * Reads a table of per-epoch results, one row per epoch of each run, with the columns
 * `batch_size, learning_rate, epoch, loss, accuracy, val_loss, val_accuracy` and optionally
 * `repeat` (default 1), `duration_ms` and `images_per_second` (default unknown) and
 * `status` (how the run ended, default `succeeded`), as CSV
 * (RFC 4180, a header line first; column names are matched ignoring case and surrounding
 * spaces) or as a JSON array of objects with those keys. Other columns are ignored. Rows may
 * come in any order.
 * @returns one run per cell and repeat, in the order each first appears
 * @throws {SweepscopeError} BAD_USER_INPUT naming the line (CSV) or row (JSON, 1-based), the
 *   column, the value and what is expected: an empty file, a missing column, a value that is
 *   not a number (NaN included) or out of range, an epoch given twice, epochs that do not
 *   start at 1 or have gaps
 */
export function parseEpochTable(content: string, options: ParseEpochTableOptions): ResultRun[] {
  const source = options.source ?? 'content';
  const field = options.field ?? 'content';
  const rows = options.format === 'csv' ? readCsvRows(content, source, field) : readJsonRows(content, source, field);
  return groupEpochRows(rows, source, field);
}

function readCsvRows(content: string, source: string, field: string): LocatedEpochRow[] {
  const refuse = (message: string): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, message, { field: [field] });
  };
  const [header, ...records] = parseCsv(content, { source, field });
  if (header === undefined) refuse(`${source} is empty: expected a header line with ${columnsText}, then one line per epoch.`);
  const names = header!.fields.map((name) => name.trim().toLowerCase());
  const twice = names.find((name, index) => name !== '' && names.indexOf(name) !== index);
  if (twice !== undefined) refuse(`${source} line ${header!.line}: column ${twice} is named twice: expected each column once.`);
  const missing = required.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    refuse(`${source} line ${header!.line}: the header has no ${missing.join(', ')}: expected the columns ${columnsText}; it has ${names.join(', ')}.`);
  }
  return records.map(({ line, fields }) => {
    const where = `${source} line ${line}`;
    if (fields.length !== names.length) {
      refuse(`${where} has ${fields.length} fields: expected ${names.length}, one per column of the header on line ${header!.line}.`);
    }
    return readRow((name) => (names.includes(name) ? fields[names.indexOf(name)] : undefined), where, field);
  });
}

function readJsonRows(content: string, source: string, field: string): LocatedEpochRow[] {
  const refuse = (message: string): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, message, { field: [field] });
  };
  const value = parseJsonText(content, source, field);
  if (!Array.isArray(value)) {
    const keras = typeof value === 'object' && value !== null && Array.isArray((value as Record<string, unknown>).loss);
    refuse(
      `${source} is ${keras ? 'an object of metric lists, as a Keras history is' : `not an array`}: expected an array of one object per epoch with the keys ${columnsText}` +
        `${keras ? ' (import a Keras history as format keras-history, with its batch size and learning rate)' : ''}.`,
    );
  }
  return (value as unknown[]).map((item, index) => {
    const where = `${source} row ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      refuse(`${where} is ${JSON.stringify(item)}: expected an object with the keys ${columnsText}.`);
    }
    const record = item as Record<string, unknown>;
    return readRow((name) => (Object.hasOwn(record, name) ? record[name] : undefined), where, field);
  });
}

/** Every column of one row, read by name. */
function readRow(valueOf: (name: string) => unknown, where: string, field: string): LocatedEpochRow {
  const entries = epochColumns.map((column) => [column.key, readColumnValue(column, valueOf(column.name), where, field)]);
  return { row: Object.fromEntries(entries) as EpochRow, status: readStatus(valueOf(statusColumn.name), where, field), where };
}

/** The row's `status`: one of the statuses a run ends in, or `succeeded` when not given. */
function readStatus(raw: unknown, where: string, field: string): FinalRunStatus {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return statusColumn.absent;
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  const status = statusColumn.values.find((value) => value === text);
  if (status !== undefined) return status;
  const still = text === 'queued' || text === 'running' ? ' (a run still queued or training has not ended: import it once it has)' : '';
  throw new SweepscopeError(
    ErrorCode.BadUserInput,
    `${where}: status is ${JSON.stringify(raw)}: expected one of ${statusColumn.values.join(', ')}, or nothing for succeeded${still}.`,
    {
      field: [field],
    },
  );
}

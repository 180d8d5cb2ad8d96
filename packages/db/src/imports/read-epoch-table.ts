import { ErrorCode, type FinalRunStatus, SweepscopeError, validateNotes, validateTags } from '@sweepscope/core';
import { annotationColumns, epochColumns, placeUnits, statusColumn, type EpochRow, type LocatedEpochRow } from './epoch-row.js';
import { CsvRecordReader, type CsvRecord } from './parse-csv.js';
import { parseJsonText } from './parse-json-text.js';
import { JsonArrayReader, type JsonArrayItem } from './read-json-array.js';
import { readColumnValue } from './read-column-value.js';

/** Options of {@link EpochTableReader}. */
export interface EpochTableReaderOptions {
  /** `csv`: a header line and one line per epoch; `json`: an array of one object per epoch. */
  format: 'csv' | 'json';
  /** The content's name in messages, e.g. the file's path. @default 'content' */
  source?: string;
  /** The input errors are reported against. @default 'content' */
  field?: string;
}

const required = epochColumns.filter((column) => column.required).map((column) => column.name);
const optional = [...epochColumns.filter((column) => !column.required).map((column) => column.name), statusColumn.name, ...Object.values(annotationColumns)];
const columnsText = `${required.join(', ')} (and optionally ${optional.join(', ')})`;

// Text that is not an array is read whole only to say what it is: a Keras history is some kilobytes.
const maxWholeJson = 16 * 1_048_576;

/**
 * Reads a table of per-epoch results, one row per epoch of each run, with the columns
 * `batch_size, learning_rate, epoch, loss, accuracy, val_loss, val_accuracy` and optionally
 * `repeat` (default 1), `duration_ms` and `images_per_second` (default unknown),
 * `status` (how the run ended, default `succeeded`) and the run's `tags` and `notes`, as CSV
 * (RFC 4180, a header line first; column names are matched ignoring case and surrounding
 * spaces) or as a JSON array of objects with those keys. Other columns are ignored. The text
 * arrives in pieces and each row is checked on its own as it completes, so a table of any
 * size is read in constant memory; what concerns a run as a whole (epochs given twice or
 * missing, two statuses) is checked once the rows are stored (see `readStagedRuns`).
 * @throws {SweepscopeError} BAD_USER_INPUT naming the line (CSV) or row (JSON, 1-based), the
 *   column, the value and what is expected: an empty file, a missing column, a value that is
 *   not a number (NaN included) or out of range
 */
export class EpochTableReader {
  readonly #source: string;
  readonly #field: string;
  readonly #csv: CsvRecordReader | undefined;
  readonly #json: JsonArrayReader | undefined;
  #names: string[] | undefined;
  /** Each column's place in the header, by name. */
  #places = new Map<string, number>();
  #headerLine = 0;

  constructor(options: EpochTableReaderOptions) {
    this.#source = options.source ?? 'content';
    this.#field = options.field ?? 'content';
    const where = { source: this.#source, field: this.#field };
    if (options.format === 'csv') this.#csv = new CsvRecordReader(where);
    else this.#json = new JsonArrayReader({ ...where, maxWholeLength: maxWholeJson });
  }

  /** Reads the next piece of the text, returning the rows it completes. */
  push(piece: string): LocatedEpochRow[] {
    return this.#csv ? this.#csvRows(this.#csv.push(piece)) : this.#jsonRows(this.#json!.push(piece));
  }

  /** Reads what is left once the text has ended. */
  end(): LocatedEpochRow[] {
    if (this.#csv) {
      const rows = this.#csvRows(this.#csv.end());
      if (this.#names === undefined) this.#refuse(`${this.#source} is empty: expected a header line with ${columnsText}, then one line per epoch.`);
      return rows;
    }
    const { items, whole } = this.#json!.end();
    if (whole !== undefined) this.#refuseWhole(whole);
    return this.#jsonRows(items);
  }

  #csvRows(records: CsvRecord[]): LocatedEpochRow[] {
    const rows: LocatedEpochRow[] = [];
    for (const { line, fields } of records) {
      if (this.#names === undefined) {
        this.#readHeader(line, fields);
        continue;
      }
      const names = this.#names;
      const where = `${this.#source} ${placeUnits.csv} ${line}`;
      if (fields.length !== names.length) {
        this.#refuse(`${where} has ${fields.length} fields: expected ${names.length}, one per column of the header on line ${this.#headerLine}.`);
      }
      const places = this.#places;
      rows.push(
        readRow(
          (name) => {
            const place = places.get(name);
            return place === undefined ? undefined : fields[place];
          },
          line,
          where,
          this.#field,
        ),
      );
    }
    return rows;
  }

  #readHeader(line: number, fields: string[]): void {
    const names = fields.map((name) => name.trim().toLowerCase());
    const twice = names.find((name, index) => name !== '' && names.indexOf(name) !== index);
    if (twice !== undefined) this.#refuse(`${this.#source} line ${line}: column ${twice} is named twice: expected each column once.`);
    const missing = required.filter((name) => !names.includes(name));
    if (missing.length > 0) {
      this.#refuse(`${this.#source} line ${line}: the header has no ${missing.join(', ')}: expected the columns ${columnsText}; it has ${names.join(', ')}.`);
    }
    this.#names = names;
    this.#places = new Map(names.map((name, place) => [name, place]));
    this.#headerLine = line;
  }

  #jsonRows(items: JsonArrayItem[]): LocatedEpochRow[] {
    return items.map(({ index, value }) => {
      const where = `${this.#source} ${placeUnits.json} ${index}`;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        this.#refuse(`${where} is ${JSON.stringify(value)}: expected an object with the keys ${columnsText}.`);
      }
      const record = value as Record<string, unknown>;
      return readRow((name) => (Object.hasOwn(record, name) ? record[name] : undefined), index, where, this.#field);
    });
  }

  /** Says what JSON text that is not an array is, once known to be JSON. */
  #refuseWhole(text: string): never {
    const value = parseJsonText(text, this.#source, this.#field);
    const keras = typeof value === 'object' && value !== null && Array.isArray((value as Record<string, unknown>).loss);
    return this.#refuse(
      `${this.#source} is ${keras ? 'an object of metric lists, as a Keras history is' : `not an array`}: expected an array of one object per epoch with the keys ${columnsText}` +
        `${keras ? ' (import a Keras history as format keras-history, with its batch size and learning rate)' : ''}.`,
    );
  }

  #refuse(message: string): never {
    throw new SweepscopeError(ErrorCode.BadUserInput, message, { field: [this.#field] });
  }
}

/** Every column of one row, read by name. */
function readRow(valueOf: (name: string) => unknown, place: number, where: string, field: string): LocatedEpochRow {
  const row: Partial<Record<keyof EpochRow, number | null>> = {};
  for (const column of epochColumns) row[column.key] = readColumnValue(column, valueOf(column.name), where, field);
  return {
    row: row as EpochRow,
    status: readStatus(valueOf(statusColumn.name), where, field),
    tags: readTags(valueOf(annotationColumns.tags), where, field),
    notes: readNotes(valueOf(annotationColumns.notes), where, field),
    place,
  };
}

/** The row's `tags`, checked, as text separated by commas; empty when not given. */
function readTags(raw: unknown, where: string, field: string): string {
  if (raw === undefined || raw === null) return '';
  const name = `${where}: ${annotationColumns.tags}`;
  if (typeof raw !== 'string' && !(Array.isArray(raw) && raw.every((tag) => typeof tag === 'string'))) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${name} is ${JSON.stringify(raw)}: expected a list of tags, or text with tags separated by commas.`, {
      field: [field],
    });
  }
  return validateTags(raw, name, field).join(',');
}

/** The row's `notes`, checked; empty when not given. */
function readNotes(raw: unknown, where: string, field: string): string {
  if (raw === undefined || raw === null) return '';
  const name = `${where}: ${annotationColumns.notes}`;
  if (typeof raw !== 'string') throw new SweepscopeError(ErrorCode.BadUserInput, `${name} is ${JSON.stringify(raw)}: expected text.`, { field: [field] });
  return validateNotes(raw, name, field);
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

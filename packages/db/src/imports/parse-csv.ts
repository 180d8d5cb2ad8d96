import { ErrorCode, SweepscopeError } from '@sweepscope/core';

/** One record of a CSV file. */
export interface CsvRecord {
  /** The line it starts on, 1-based (a quoted field may run over several lines). */
  line: number;
  fields: string[];
}

/** Options of {@link parseCsv} and {@link CsvRecordReader}. */
export interface ParseCsvOptions {
  /** The text's name in messages, e.g. the file's path. @default 'content' */
  source?: string;
  /** The input errors are reported against. @default 'content' */
  field?: string;
}

/**
 * The longest record read, in characters. A results row is some hundred characters; a
 * record this long is a quote never closed swallowing the file, and is refused before it
 * fills memory.
 */
export const maxRecordLength = 1_048_576;

const comma = 0x2c;
const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * Splits CSV text into records as RFC 4180 writes it: fields separated by commas, records
 * by CRLF or LF (or a lone CR), a field holding a comma, a quote or a line break quoted with
 * `"`, and a quote inside a quoted field doubled. A leading byte-order mark and blank lines
 * are skipped. Fields are returned as written, without trimming.
 * @throws {SweepscopeError} BAD_USER_INPUT naming the line of a stray or unclosed quote
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvRecord[] {
  const reader = new CsvRecordReader(options);
  return [...reader.push(text), ...reader.end()];
}

/**
 * {@link parseCsv} for text that arrives in pieces: each `push` returns the records its
 * piece completes, so a file of any size is read holding one record at a time. A piece may
 * end anywhere, inside a field, a quote pair or a CRLF.
 */
export class CsvRecordReader {
  readonly #source: string;
  readonly #field: string;
  #fields: string[] = [];
  #value = '';
  #length = 0;
  #line = 1;
  #recordLine = 1;
  #quotedLine = 0;
  // Where the scan stands: at a field's start, inside an unquoted or quoted one, or just after a closing quote.
  #state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  // A last character whose meaning depends on the next one (`"` of `""`, `\r` of CRLF), kept for the next piece.
  #held = '';
  #begun = false;

  constructor(options: ParseCsvOptions = {}) {
    this.#source = options.source ?? 'content';
    this.#field = options.field ?? 'content';
  }

  /** Reads the next piece of the text. */
  push(piece: string): CsvRecord[] {
    let text = this.#held + piece;
    this.#held = '';
    if (!this.#begun && text.length > 0) {
      this.#begun = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    const last = text.at(-1);
    if (last === '"' || last === '\r') {
      this.#held = last;
      text = text.slice(0, -1);
    }
    return this.#scan(text);
  }

  /** Reads what is left once the text has ended. */
  end(): CsvRecord[] {
    const records = this.#scan(this.#held);
    this.#held = '';
    if (this.#state === 'quoted') this.#refuse(this.#quotedLine, 'a quoted field is never closed: expected a closing "');
    if (this.#state !== 'start' || this.#fields.length > 0 || this.#value !== '') this.#endRecord(records);
    return records;
  }

  // Only the last character of a piece can need the next one, and push holds that one back.
  // A field's characters are taken as slices of the piece, not one by one: an import reads
  // millions of fields.
  #scan(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    // Where the field's characters not yet taken into #value start in this piece, or -1.
    let from = this.#state === 'plain' || this.#state === 'quoted' ? 0 : -1;
    const take = (to: number): void => {
      if (from < 0) return;
      this.#value += text.slice(from, to);
      from = -1;
    };
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (this.#state === 'quoted') {
        if (code === quote) {
          take(index);
          if (text.charCodeAt(index + 1) === quote) {
            this.#value += '"';
            index += 1;
            from = index + 1;
          } else {
            this.#state = 'closed';
          }
        } else if (code === lineFeed || (code === carriageReturn && text.charCodeAt(index + 1) !== lineFeed)) {
          this.#line += 1;
        }
        continue;
      }
      if (code === comma) {
        take(index);
        this.#endField();
      } else if (code === lineFeed || code === carriageReturn) {
        take(index);
        if (code === carriageReturn && text.charCodeAt(index + 1) === lineFeed) index += 1;
        this.#endRecord(records);
        this.#line += 1;
        this.#recordLine = this.#line;
      } else if (this.#state === 'closed') {
        this.#refuse(
          this.#line,
          `a quoted field is followed by ${JSON.stringify(text[index])}: expected a comma or the end of the line after its closing quote (write "" for a quote inside a field)`,
        );
      } else if (code === quote && this.#state === 'start') {
        this.#state = 'quoted';
        this.#quotedLine = this.#line;
        from = index + 1;
      } else if (code === quote) {
        take(index);
        this.#refuse(
          this.#line,
          `the field ${JSON.stringify(`${this.#value}"`)}… holds a quote: expected quotes only around a whole field, with "" for a quote inside it`,
        );
      } else if (this.#state === 'start') {
        this.#state = 'plain';
        from = index;
      }
    }
    take(text.length);
    this.#checkLength();
    return records;
  }

  #endField(): void {
    this.#length += this.#value.length;
    this.#checkLength();
    this.#fields.push(this.#value);
    this.#value = '';
    this.#state = 'start';
  }

  #checkLength(): void {
    if (this.#length + this.#value.length <= maxRecordLength) return;
    const quoted = this.#state === 'quoted' ? ` (a quoted field opened on line ${this.#quotedLine} is still open: is a closing " missing?)` : '';
    this.#refuse(this.#recordLine, `the record is over ${maxRecordLength.toLocaleString('en')} characters${quoted}: expected one epoch per line`);
  }

  #endRecord(records: CsvRecord[]): void {
    const closed = this.#state === 'closed';
    this.#endField();
    const blank = this.#fields.length === 1 && this.#fields[0] === '' && !closed;
    if (!blank) records.push({ line: this.#recordLine, fields: this.#fields });
    this.#fields = [];
    this.#length = 0;
  }

  #refuse(line: number, problem: string): never {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${this.#source} line ${line}: ${problem}.`, { field: [this.#field] });
  }
}

import { ErrorCode, SweepscopeError } from '../errors/index.js';

/** One record of a CSV file. */
export interface CsvRecord {
  /** The line it starts on, 1-based (a quoted field may run over several lines). */
  line: number;
  fields: string[];
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** The text's name in messages, e.g. the file's path. @default 'content' */
  source?: string;
  /** The input errors are reported against. @default 'content' */
  field?: string;
}

/**
 * Splits CSV text into records as RFC 4180 writes it: fields separated by commas, records
 * by CRLF or LF (or a lone CR), a field holding a comma, a quote or a line break quoted with
 * `"`, and a quote inside a quoted field doubled. A leading byte-order mark and blank lines
 * are skipped. Fields are returned as written, without trimming.
 * @throws {SweepscopeError} BAD_USER_INPUT naming the line of a stray or unclosed quote
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvRecord[] {
  const source = options.source ?? 'content';
  const refuse = (line: number, problem: string): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${source} line ${line}: ${problem}.`, { field: [options.field ?? 'content'] });
  };
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let value = '';
  let line = 1;
  let recordLine = 1;
  let quotedLine = 0;
  // Where the scan stands: at a field's start, inside an unquoted or quoted one, or just after a closing quote.
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  const endRecord = (): void => {
    fields.push(value);
    const blank = fields.length === 1 && fields[0] === '' && state !== 'closed';
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    value = '';
    state = 'start';
  };
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index] as string;
    if (state === 'quoted') {
      if (char === '"' && text[index + 1] === '"') {
        value += '"';
        index += 1;
      } else if (char === '"') {
        state = 'closed';
      } else {
        if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line += 1;
        value += char;
      }
      continue;
    }
    if (char === ',') {
      fields.push(value);
      value = '';
      state = 'start';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (state === 'closed') {
      refuse(
        line,
        `a quoted field is followed by ${JSON.stringify(char)}: expected a comma or the end of the line after its closing quote (write "" for a quote inside a field)`,
      );
    } else if (char === '"' && state === 'start') {
      state = 'quoted';
      quotedLine = line;
    } else if (char === '"') {
      refuse(line, `the field ${JSON.stringify(value + char)}… holds a quote: expected quotes only around a whole field, with "" for a quote inside it`);
    } else {
      value += char;
      state = 'plain';
    }
  }
  if (state === 'quoted') refuse(quotedLine, 'a quoted field is never closed: expected a closing "');
  if (state !== 'start' || fields.length > 0 || value !== '') endRecord();
  return records;
}

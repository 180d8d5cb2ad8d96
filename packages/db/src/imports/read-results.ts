import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { columnOf, type LocatedEpochRow } from './epoch-row.js';
import { parseKerasHistory } from './parse-keras-history.js';
import { EpochTableReader } from './read-epoch-table.js';

/** The forms results can be imported in. */
export const resultsFormats = ['csv', 'json', 'keras-history'] as const;
/** `csv` or `json`: a table of epoch rows; `keras-history`: one run's `History.history`. */
export type ResultsFormat = (typeof resultsFormats)[number];

/** Results as a file or a request carries them, before checking. */
export interface ResultsInput {
  format: ResultsFormat;
  /** The text, whole or as it arrives (a file's or a request's stream, UTF-8). */
  content: string | AsyncIterable<string | Uint8Array>;
  /** With `keras-history` only, where it is required: the run's batch size. */
  batchSize?: number;
  /** With `keras-history` only, where it is required: the run's learning rate. */
  learningRate?: number;
  /** With `keras-history` only: which repeat of the cell the run is. @default 1 */
  repeat?: number;
}

/** Options of {@link readResults}. */
export interface ReadResultsOptions {
  /** The content's name in messages: the file's path, or its name. @default 'content' */
  source?: string;
  /**
   * Names an input field as the caller's user knows it (`--batch-size` in the terminal), in
   * messages and in the error's `field`.
   * @default the field's name in {@link ResultsInput}
   */
  fieldName?: (field: string) => string;
}

const cellFields = ['batchSize', 'learningRate', 'repeat'] as const;

// A Keras history is one run's lists, read whole: 10,000 epochs of its metrics are under a megabyte.
const maxKerasHistory = 16 * 1_048_576;

/**
 * Reads results in any of {@link resultsFormats} into rows, each checked on its own, as the
 * content arrives: batches of rows, in the content's order. What concerns a run as a whole is
 * checked once they are stored (`readStagedRuns`).
 * @throws {SweepscopeError} BAD_USER_INPUT for an unknown format, a Keras history without its
 *   batch size or learning rate, a table given one, or content the format's reader refuses
 */
export async function* readResults(input: ResultsInput, options: ReadResultsOptions = {}): AsyncGenerator<LocatedEpochRow[]> {
  const nameOf = options.fieldName ?? ((field: string) => field);
  const fail = (field: string, message: string): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${nameOf(field)} ${message}.`, { field: [nameOf(field)] });
  };
  const source = options.source ?? 'content';
  const field = nameOf('content');
  if (!(resultsFormats as readonly string[]).includes(input.format)) {
    fail('format', `is "${input.format}": expected one of ${resultsFormats.join(', ')}`);
  }
  if (input.format !== 'keras-history') {
    const given = cellFields.find((key) => input[key] !== undefined);
    if (given !== undefined) {
      fail(given, `is given with format ${input.format}: expected it only with keras-history, as a table names each row's ${columnOf(given).name}`);
    }
    const reader = new EpochTableReader({ format: input.format, source, field });
    for await (const piece of readText(input.content)) {
      const rows = reader.push(piece);
      if (rows.length > 0) yield rows;
    }
    yield reader.end();
    return;
  }
  for (const key of cellFields) {
    const value = input[key];
    if (value === undefined && key !== 'repeat') {
      fail(key, `is missing: expected the ${columnOf(key).name.replace('_', ' ')} the run trained with, which a Keras history does not record`);
    }
    const column = columnOf(key);
    if (value !== undefined && (!Number.isFinite(value) || (column.whole && !Number.isInteger(value)) || !column.accepts(value))) {
      fail(key, `is ${value}: expected ${column.expected}`);
    }
  }
  let content = '';
  for await (const piece of readText(input.content)) {
    content += piece;
    if (content.length > maxKerasHistory) {
      fail('content', `is over ${maxKerasHistory.toLocaleString('en')} characters: expected one run's History.history, which is far smaller`);
    }
  }
  yield parseKerasHistory(content, {
    batchSize: input.batchSize!,
    learningRate: input.learningRate!,
    ...(input.repeat === undefined ? {} : { repeat: input.repeat }),
    source,
    field,
  });
}

/** The content's text, piece by piece, decoded from UTF-8 across the pieces' boundaries. */
async function* readText(content: ResultsInput['content']): AsyncGenerator<string> {
  if (typeof content === 'string') {
    yield content;
    return;
  }
  const decoder = new TextDecoder();
  for await (const piece of content) yield typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
  yield decoder.decode();
}

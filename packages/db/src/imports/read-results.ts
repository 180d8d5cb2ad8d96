import { ErrorCode, SweepscopeError } from '../errors/index.js';
import { columnOf, type ResultRun } from './epoch-row.js';
import { parseEpochTable } from './parse-epoch-table.js';
import { parseKerasHistory } from './parse-keras-history.js';

/** The forms results can be imported in. */
export const resultsFormats = ['csv', 'json', 'keras-history'] as const;
/** `csv` or `json`: a table of epoch rows; `keras-history`: one run's `History.history`. */
export type ResultsFormat = (typeof resultsFormats)[number];

/** Results as a file or a request carries them, before checking. */
export interface ResultsInput {
  format: ResultsFormat;
  content: string;
  /** With `keras-history` only, where it is required: the run's batch size. */
  batchSize?: number;
  /** With `keras-history` only, where it is required: the run's learning rate. */
  learningRate?: number;
  /** With `keras-history` only: which repeat of the cell the run is. @default 1 */
  repeat?: number;
}

/** Options of {@link parseResults}. */
export interface ParseResultsOptions {
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

/**
 * Reads results in any of {@link resultsFormats} into checked runs: the one pure step that
 * the terminal's `import` and the API's `importResults` share.
 * @throws {SweepscopeError} BAD_USER_INPUT for an unknown format, a Keras history without its
 *   batch size or learning rate, a table given one, or content the format's parser refuses
 */
export function parseResults(input: ResultsInput, options: ParseResultsOptions = {}): ResultRun[] {
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
    return parseEpochTable(input.content, { format: input.format, source, field });
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
  return parseKerasHistory(input.content, {
    batchSize: input.batchSize!,
    learningRate: input.learningRate!,
    ...(input.repeat === undefined ? {} : { repeat: input.repeat }),
    source,
    field,
  });
}

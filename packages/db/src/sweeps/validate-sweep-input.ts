import { ErrorCode, SweepscopeError } from '../errors/index.js';
import { parseCells, type Cell } from './parse-cells.js';

/** Data sets a worker can load. */
export const datasetNames = ['synthetic', 'fashion-mnist'] as const;
/** A data set a worker can load. */
export type DatasetName = (typeof datasetNames)[number];

/** The largest batch size a run may ask for, as many images as the largest `trainLimit`. */
const maxBatchSize = 10_000_000;

/** A sweep as asked for by a person, before checking: every field optional but the cells. */
export interface SweepInput {
  name?: string;
  /** @default 'synthetic' */
  dataset?: string;
  /** Cells as text (`"32:0.1,128:0.001"`) or already parsed. */
  cells: string | Cell[];
  /** @default 2 */
  epochs?: number;
  /** MobileNetV2 width multiplier α. @default 0.35 */
  alpha?: number;
  /** Input side in pixels. @default 32 */
  inputSize?: number;
  /** tf.data-style shuffle buffer, in images. @default 1000 */
  shuffleBuffer?: number;
  /** @default 42 */
  seed?: number;
  /** Take at most this many training images (stratified). */
  trainLimit?: number;
  /** Take at most this many validation images (stratified). */
  valLimit?: number;
}

/** A sweep's settings after checking: complete and sane. */
export interface SweepSettings {
  name: string;
  dataset: DatasetName;
  cells: Cell[];
  epochs: number;
  alpha: number;
  inputSize: number;
  shuffleBuffer: number;
  seed: number;
  trainLimit: number | null;
  valLimit: number | null;
}

/** Options of {@link validateSweepInput}. */
export interface ValidateSweepInputOptions {
  /**
   * Names a field as the caller's user knows it, in messages and in the error's `field`:
   * the terminal turns `inputSize` into `--input-size`. The rest of each message stays the
   * same, so the API and the terminal refuse a value with the same sentence.
   * @default the field's name in {@link SweepInput}, unchanged
   */
  fieldName?: (field: string) => string;
}

/**
 * The one check of a sweep's settings, used by the terminal and the API alike so that a
 * value refused in one is refused in the other with the same words.
 * @throws {SweepscopeError} BAD_USER_INPUT naming the field, the value and what is accepted
 */
export function validateSweepInput(input: SweepInput, options: ValidateSweepInputOptions = {}): SweepSettings {
  const nameOf = options.fieldName ?? ((field: string) => field);
  const fail = (field: string, problem: string, expected: string): never => {
    const name = nameOf(field);
    throw new SweepscopeError(ErrorCode.BadUserInput, `${name} ${problem}: expected ${expected}.`, { field: [name] });
  };
  const wholeNumber = (field: string, value: number, min: number, max: number): number => {
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      fail(field, `is ${value}`, `a whole number from ${min} to ${max}`);
    }
    return value;
  };

  // Cells that arrive parsed go through the same parser, so they meet the same rules.
  const cellsText = typeof input.cells === 'string' ? input.cells : input.cells.map((c) => `${c.batchSize}:${c.learningRate}`).join(',');
  const cells = parseCells(cellsText, nameOf('cells'));
  for (const { batchSize } of cells) {
    if (batchSize > maxBatchSize) fail('cells', `has batch size ${batchSize}`, `a batch size from 1 to ${maxBatchSize}`);
  }
  const dataset = input.dataset ?? 'synthetic';
  if (!(datasetNames as readonly string[]).includes(dataset)) {
    fail('dataset', `is "${dataset}"`, `one of ${datasetNames.join(', ')}`);
  }
  const epochs = wholeNumber('epochs', input.epochs ?? 2, 1, 10_000);
  const alpha = input.alpha ?? 0.35;
  if (!Number.isFinite(alpha) || alpha <= 0 || alpha > 4) fail('alpha', `is ${alpha}`, 'a width multiplier greater than 0 and at most 4, e.g. 0.35 or 1.0');
  const inputSize = wholeNumber('inputSize', input.inputSize ?? 32, 32, 1024);
  const shuffleBuffer = wholeNumber('shuffleBuffer', input.shuffleBuffer ?? 1000, 1, 10_000_000);
  const seed = wholeNumber('seed', input.seed ?? 42, 0, 2 ** 31 - 1);
  const trainLimit = input.trainLimit === undefined ? null : wholeNumber('trainLimit', input.trainLimit, 1, 10_000_000);
  const valLimit = input.valLimit === undefined ? null : wholeNumber('valLimit', input.valLimit, 1, 10_000_000);
  const name = input.name?.trim() || `${dataset} ${cells.map((c) => `${c.batchSize}:${c.learningRate}`).join(' ')}`;
  return { name, dataset: dataset as DatasetName, cells, epochs, alpha, inputSize, shuffleBuffer, seed, trainLimit, valLimit };
}

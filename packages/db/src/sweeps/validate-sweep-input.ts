import { ErrorCode, SweepscopeError } from '../errors/index.js';
import { parseCells, type Cell } from './parse-cells.js';

/** Data sets a worker can load. */
export const datasetNames = ['synthetic', 'fashion-mnist'] as const;
/** A data set a worker can load. */
export type DatasetName = (typeof datasetNames)[number];

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

/**
 * The one check of a sweep's settings, used by the terminal and the API alike so that a
 * value refused in one is refused in the other with the same words.
 * @throws {SweepscopeError} BAD_USER_INPUT naming the field, the value and what is accepted
 */
export function validateSweepInput(input: SweepInput): SweepSettings {
  const cells = typeof input.cells === 'string' ? parseCells(input.cells) : input.cells;
  if (cells.length === 0) fail('cells', 'is empty', 'at least one batchSize:learningRate pair');
  const dataset = input.dataset ?? 'synthetic';
  if (!(datasetNames as readonly string[]).includes(dataset)) {
    fail('dataset', `is "${dataset}"`, `one of ${datasetNames.join(', ')}`);
  }
  const epochs = wholeNumber('epochs', input.epochs ?? 2, 1, 10_000);
  const alpha = input.alpha ?? 0.35;
  if (!Number.isFinite(alpha) || alpha <= 0 || alpha > 4) fail('alpha', `is ${alpha}`, 'a width multiplier greater than 0, e.g. 0.35 or 1.0');
  const inputSize = wholeNumber('inputSize', input.inputSize ?? 32, 32, 1024);
  const shuffleBuffer = wholeNumber('shuffleBuffer', input.shuffleBuffer ?? 1000, 1, 10_000_000);
  const seed = wholeNumber('seed', input.seed ?? 42, 0, 2 ** 31 - 1);
  const trainLimit = input.trainLimit === undefined ? null : wholeNumber('trainLimit', input.trainLimit, 1, 10_000_000);
  const valLimit = input.valLimit === undefined ? null : wholeNumber('valLimit', input.valLimit, 1, 10_000_000);
  const name = input.name?.trim() || `${dataset} ${cells.map((c) => `${c.batchSize}:${c.learningRate}`).join(' ')}`;
  return { name, dataset: dataset as DatasetName, cells, epochs, alpha, inputSize, shuffleBuffer, seed, trainLimit, valLimit };
}

function wholeNumber(field: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    fail(field, `is ${value}`, `a whole number from ${min} to ${max}`);
  }
  return value;
}

function fail(field: string, problem: string, expected: string): never {
  throw new SweepscopeError(ErrorCode.BadUserInput, `${field} ${problem}: expected ${expected}.`, { field: [field] });
}

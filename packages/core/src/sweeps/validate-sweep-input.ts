import { countTrainingImages, datasetNames } from '../datasets/datasets.js';
import { maxNameLength, validateName, validateNotes, validateTags } from '../annotations/validate-annotations.js';
import { ErrorCode, SweepscopeError } from '../errors/sweepscope-error.js';
import { formatCells, parseBatchSize, parseCells, parseLearningRate, type Cell } from './parse-cells.js';
import { defaultPreset, presetNames, presets, type PresetName } from './presets.js';

/** Pruners a sweep can ask for. */
export const prunerNames = ['median'] as const;
/** A pruner a sweep can ask for. */
export type PrunerName = (typeof prunerNames)[number];

/** The largest batch size a run may ask for, as many images as the largest `trainLimit`. */
const maxBatchSize = 10_000_000;
/** Enough to tell a result from noise; more is a different study. */
export const maxRepeats = 100;
/** Runs of one sweep, cells × repeats: what the dashboard is built to show at once. */
export const maxRuns = 10_000;
/**
 * Steps between two measurements of the gradient noise scale: each costs two half-batch
 * passes, and every 20th step kept the cost near a tenth of training (bench:train), where
 * every 10th cost about a fifth.
 */
export const defaultNoiseScaleInterval = 20;
/** Characters of a path or URL (Linux's PATH_MAX). */
const maxPathLength = 4096;

/**
 * A sweep as asked for by a person, before checking. Every field is optional: what is not
 * given comes from the preset (`quick` unless another is named).
 */
export interface SweepInput {
  name?: string;
  /** Tags as a list, or as text separated by commas (see `validateTags`). @default none */
  tags?: string | string[];
  /** @default none */
  notes?: string;
  /** `seed`, `quick` or `smoke`. @default 'quick' */
  preset?: string;
  dataset?: string;
  /** Folder of the data set's files: required for `images`, optional for `fashion-mnist`. */
  dataDir?: string;
  /** Path or URL of a TensorFlow.js layers model of the MobileNetV2 base to start from. */
  weights?: string;
  /** Cells as text (`"32:0.1,128:0.001"`) or already parsed; or give a grid instead. */
  cells?: string | Cell[];
  /** With `learningRates`, a full grid: every batch size with every learning rate. */
  batchSizes?: string | number[];
  learningRates?: string | number[];
  /** How many times to train each cell, each with its own seed. @default 1 */
  repeats?: number;
  epochs?: number;
  /** MobileNetV2 width multiplier α. */
  alpha?: number;
  /** Input side in pixels. */
  inputSize?: number;
  /** Momentum of the batch-norm moving statistics, from 0 up to (not including) 1. */
  batchNormMomentum?: number;
  /**
   * A run diverges when its epoch's mean training loss so far passes this many times a
   * uniform guess's (ln classes nats). @default 10
   */
  divergenceFactor?: number;
  /**
   * Stop a run once its validation loss has not improved for this many epochs, keeping its
   * best epoch as its result (Keras' EarlyStopping); null trains every epoch. @default null
   */
  earlyStopPatience?: number | null;
  /** `median`: stop a run that falls below the median of the completed runs (Optuna's MedianPruner); null never prunes. @default null */
  pruner?: string | null;
  /** Epochs a run trains before the pruner may stop it. @default 2 */
  pruneWarmupEpochs?: number;
  /**
   * Measure the gradient noise scale every this many steps, from the second epoch; 0 never.
   * @default {@link defaultNoiseScaleInterval}
   */
  noiseScaleInterval?: number;
  /** tf.data-style shuffle buffer, in images. */
  shuffleBuffer?: number;
  /** @default 42 */
  seed?: number;
  /** Take at most this many training images (stratified); null takes them all. */
  trainLimit?: number | null;
  /** Take at most this many validation images (stratified); null takes them all. */
  valLimit?: number | null;
}

/** A sweep's settings after checking: complete and sane. */
export interface SweepSettings {
  name: string;
  tags: string[];
  notes: string;
  preset: PresetName;
  /** One of {@link datasetNames}, unless checked with `trainedHere: false`. */
  dataset: string;
  dataDir: string | null;
  weights: string | null;
  /** Each cell once, in the order asked for. */
  cells: Cell[];
  repeats: number;
  epochs: number;
  alpha: number;
  inputSize: number;
  batchNormMomentum: number;
  divergenceFactor: number;
  earlyStopPatience: number | null;
  pruner: PrunerName | null;
  pruneWarmupEpochs: number;
  noiseScaleInterval: number;
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
  /**
   * Training images the data set turned out to have, once loaded: a batch size larger than
   * this is refused. When not given, the count known from the settings alone
   * (`countTrainingImages`: Fashion-MNIST and the synthetic set) is checked instead, so the
   * API refuses what the terminal refuses without loading anything.
   */
  trainCount?: number;
  /**
   * False for results trained elsewhere (an import): the sweep will never be trained here,
   * so its data set is any name (free text, trimmed, not empty) and no data folder is asked
   * for or refused.
   * @default true
   */
  trainedHere?: boolean;
}

/**
 * The one check of a sweep's settings, used by the terminal and the API alike so that a
 * value refused in one is refused in the other with the same words. Starts from the preset
 * and lets every given field override it.
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
  const limit = (field: 'trainLimit' | 'valLimit', fallback: number | null): number | null => {
    const value = input[field];
    if (value === undefined) return fallback;
    return value === null ? null : wholeNumber(field, value, 1, 10_000_000);
  };

  const presetText = input.preset ?? defaultPreset;
  if (!(presetNames as readonly string[]).includes(presetText)) {
    fail('preset', `is "${presetText}"`, `one of ${presetNames.join(', ')}`);
  }
  const preset = presetText as PresetName;
  const base = presets[preset];

  const { cells, cellsField } = readCells(input, base.cells, nameOf, fail);
  for (const { batchSize } of cells) {
    if (batchSize > maxBatchSize) fail(cellsField, `has batch size ${batchSize}`, `a batch size from 1 to ${maxBatchSize}`);
  }
  const trainedHere = options.trainedHere ?? true;
  const dataset = trainedHere ? (input.dataset ?? base.dataset) : (input.dataset ?? base.dataset).trim();
  if (!trainedHere && (dataset === '' || dataset.length > 200)) {
    fail('dataset', `is "${dataset}"`, "the data set's name, from 1 to 200 characters");
  }
  if (trainedHere && !(datasetNames as readonly string[]).includes(dataset)) {
    fail('dataset', `is "${dataset}"`, `one of ${datasetNames.join(', ')}`);
  }
  const text = (field: 'dataDir' | 'weights', value: string | undefined | null, max: number): string | null => {
    const trimmed = value?.trim() || null;
    if (trimmed !== null && trimmed.length > max)
      fail(field, `is ${trimmed.length.toLocaleString('en')} characters long`, `at most ${max.toLocaleString('en')} characters`);
    return trimmed;
  };
  const dataDir = text('dataDir', input.dataDir, maxPathLength);
  if (trainedHere && dataset === 'images' && dataDir === null) {
    fail('dataDir', 'is missing', `the path of the image folder when ${nameOf('dataset')} is images`);
  }
  if (trainedHere && dataset === 'synthetic' && dataDir !== null) {
    fail('dataDir', `is "${dataDir}"`, `no folder: the synthetic set is generated, not read (use ${nameOf('dataset')} images for a folder)`);
  }
  const weights = text('weights', input.weights, maxPathLength);
  const repeats = wholeNumber('repeats', input.repeats ?? 1, 1, maxRepeats);
  if (cells.length * repeats > maxRuns) {
    fail(
      cellsField,
      `makes ${(cells.length * repeats).toLocaleString('en')} runs (${cells.length.toLocaleString('en')} cells × ${repeats} repeats)`,
      `at most ${maxRuns.toLocaleString('en')} runs in one sweep`,
    );
  }
  const epochs = wholeNumber('epochs', input.epochs ?? base.epochs, 1, 10_000);
  const alpha = input.alpha ?? base.alpha;
  if (!Number.isFinite(alpha) || alpha <= 0 || alpha > 4) fail('alpha', `is ${alpha}`, 'a width multiplier greater than 0 and at most 4, e.g. 0.35 or 1.0');
  const inputSize = wholeNumber('inputSize', input.inputSize ?? base.inputSize, 32, 1024);
  const batchNormMomentum = input.batchNormMomentum ?? base.batchNormMomentum;
  if (!Number.isFinite(batchNormMomentum) || batchNormMomentum < 0 || batchNormMomentum >= 1) {
    fail(
      'batchNormMomentum',
      `is ${batchNormMomentum}`,
      "a number from 0 up to but not including 1, e.g. 0.9 (PyTorch's default) or 0.999 (Keras' MobileNetV2)",
    );
  }
  const divergenceFactor = input.divergenceFactor ?? 10;
  if (!Number.isFinite(divergenceFactor) || divergenceFactor < 2 || divergenceFactor > 1e12) {
    fail(
      'divergenceFactor',
      `is ${divergenceFactor}`,
      'a number from 2 to 1e12, e.g. 10 (the default); below 2, a run still near a uniform guess would count as diverged',
    );
  }
  const earlyStopPatience = input.earlyStopPatience == null ? null : wholeNumber('earlyStopPatience', input.earlyStopPatience, 1, 10_000);
  const prunerText = input.pruner == null ? null : input.pruner.trim();
  if (prunerText !== null && !(prunerNames as readonly string[]).includes(prunerText)) {
    fail('pruner', `is "${prunerText}"`, `one of ${prunerNames.join(', ')}, or none`);
  }
  const pruner = prunerText as PrunerName | null;
  const pruneWarmupEpochs = wholeNumber('pruneWarmupEpochs', input.pruneWarmupEpochs ?? 2, 0, 10_000);
  const noiseScaleInterval = wholeNumber('noiseScaleInterval', input.noiseScaleInterval ?? defaultNoiseScaleInterval, 0, 1_000_000);
  const shuffleBuffer = wholeNumber('shuffleBuffer', input.shuffleBuffer ?? base.shuffleBuffer, 1, 10_000_000);
  const seed = wholeNumber('seed', input.seed ?? 42, 0, 2 ** 31 - 1 - maxRepeats);
  const trainLimit = limit('trainLimit', base.trainLimit);
  const valLimit = limit('valLimit', base.valLimit);
  // An image folder's size is known only once read, but never exceeds its limit.
  const trainCount = options.trainCount ?? (trainedHere ? (countTrainingImages({ dataset, trainLimit }) ?? trainLimit) : null);
  if (trainCount !== null) {
    const largest = Math.max(...cells.map((cell) => cell.batchSize));
    if (largest > trainCount) {
      fail(
        cellsField,
        `has batch size ${largest}, more than the ${trainCount} training images`,
        `batch sizes of at most ${trainCount}, or more training images (${nameOf('trainLimit')})`,
      );
    }
  }
  const cellsText = formatCells(cells, ' ');
  const name = input.name?.trim()
    ? validateName(input.name, nameOf('name'))
    : `${dataset} ${cellsText}${repeats > 1 ? ` ×${repeats}` : ''}`.slice(0, maxNameLength);
  return {
    name,
    tags: validateTags(input.tags ?? [], nameOf('tags')),
    notes: validateNotes(input.notes ?? '', nameOf('notes')),
    preset,
    dataset,
    dataDir,
    weights,
    cells,
    repeats,
    epochs,
    alpha,
    inputSize,
    batchNormMomentum,
    divergenceFactor,
    earlyStopPatience,
    pruner,
    pruneWarmupEpochs,
    noiseScaleInterval,
    shuffleBuffer,
    seed,
    trainLimit,
    valLimit,
  };
}

/**
 * The cells asked for: an explicit list, a grid, or the preset's, and the field a problem
 * with them is reported against.
 */
function readCells(
  input: SweepInput,
  presetCells: string,
  nameOf: (field: string) => string,
  fail: (field: string, problem: string, expected: string) => never,
): { cells: Cell[]; cellsField: string } {
  const hasGrid = input.batchSizes !== undefined || input.learningRates !== undefined;
  if (input.cells !== undefined && hasGrid) {
    fail('cells', 'is given with a grid', `either ${nameOf('cells')} or ${nameOf('batchSizes')} with ${nameOf('learningRates')}, not both`);
  }
  if (hasGrid) {
    if (input.batchSizes === undefined) fail('batchSizes', 'is missing', `batch sizes to go with ${nameOf('learningRates')}, e.g. 16,32,64,128`);
    if (input.learningRates === undefined) fail('learningRates', 'is missing', `learning rates to go with ${nameOf('batchSizes')}, e.g. 0.001,0.01,0.1,1`);
    // Each value meets the rules a single cell's values meet, with the same words.
    const batchSizes = readList(input.batchSizes, 'batchSizes', nameOf).map((text) => parseBatchSize(text, nameOf('batchSizes')));
    const learningRates = readList(input.learningRates, 'learningRates', nameOf).map((text) => parseLearningRate(text, nameOf('learningRates')));
    refuseRepeats(batchSizes, 'batchSizes', nameOf);
    refuseRepeats(learningRates, 'learningRates', nameOf);
    const cells = batchSizes.flatMap((batchSize) => learningRates.map((learningRate) => ({ batchSize, learningRate })));
    return { cells, cellsField: 'batchSizes' };
  }
  // Cells that arrive parsed go through the same parser, so they meet the same rules.
  const cells = input.cells ?? presetCells;
  const text = typeof cells === 'string' ? cells : formatCells(cells);
  return { cells: parseCells(text, nameOf('cells')), cellsField: 'cells' };
}

/** A comma-separated list or an array, as text items for the cell parser to judge. */
function readList(value: string | number[] | undefined, field: string, nameOf: (field: string) => string): string[] {
  const items = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : (value ?? []).map(String);
  if (items.length === 0 || items.every((item) => item === '')) {
    const name = nameOf(field);
    throw new SweepscopeError(ErrorCode.BadUserInput, `${name} is empty: expected numbers separated by commas.`, { field: [name] });
  }
  return items;
}

function refuseRepeats(values: number[], field: string, nameOf: (field: string) => string): void {
  const repeated = values.find((value, index) => values.indexOf(value) !== index);
  if (repeated !== undefined) {
    const name = nameOf(field);
    throw new SweepscopeError(ErrorCode.BadUserInput, `${name} lists ${repeated} twice: give each value once.`, { field: [name] });
  }
}

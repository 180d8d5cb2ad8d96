import { countTrainingImages } from '@sweepscope/core';

/**
 * What the curves can be drawn against. The API has no field for the size of a
 * run's training set, so steps and images seen are worked out from the
 * sweep's settings (see {@link trainingSetSizeOf}); they are exact when the
 * size is known, and each axis says where its numbers come from.
 *
 * - `epoch`: the epoch number, 1-based.
 * - `steps`: optimizer steps at the end of the epoch, epoch × ⌈training images ÷ batch size⌉
 *   (the trainer keeps the last, partial batch).
 * - `images`: training images seen, epoch × training images.
 * - `time`: training time in seconds, the sum of the epochs' stored durations
 *   (training and validation; time queued, or lost to a worker that stopped, is not in it).
 */
export const X_AXES = ['epoch', 'steps', 'images', 'time'] as const;

/** One of {@link X_AXES}. */
export type XAxis = (typeof X_AXES)[number];

/** What each axis is called in the x-axis picker. */
export const X_AXIS_NAMES: Readonly<Record<XAxis, string>> = {
  epoch: 'Epochs',
  steps: 'Optimizer steps',
  images: 'Images seen',
  time: 'Training time',
};

/** How many images one epoch of a sweep trains on, and what the number rests on. */
export interface TrainingSetSize {
  images: number;
  /**
   * `train-limit`: the sweep's train limit (the trainer takes a stratified subset of that
   * many; an image folder smaller than the limit would train on fewer).
   * `full-data-set`: the sweep has no limit and the data set's size is known.
   */
  basis: 'train-limit' | 'full-data-set';
}

/**
 * How many images each epoch of a sweep trains on: its train limit when set
 * (capped at the data set's size when that is known: `countTrainingImages`), else the whole data
 * set's size when known.
 *
 * @returns null when neither is known (an image folder without a limit, an imported data set).
 */
export function trainingSetSizeOf(sweep: { dataset: string; trainLimit: number | null }): TrainingSetSize | null {
  const known = countTrainingImages(sweep);
  if (sweep.trainLimit !== null) return { images: known ?? sweep.trainLimit, basis: 'train-limit' };
  return known === null ? null : { images: known, basis: 'full-data-set' };
}

/** The fields of an epoch an x-axis reads. */
export interface XAxisEpoch {
  /** 1-based. */
  epoch: number;
  /** Wall time of the epoch in milliseconds; null when imported without it. */
  durationMs: number | null;
}

/** What a run contributes to the x-axis besides its epochs. */
export interface XAxisRun {
  batchSize: number;
  /** Null when unknown; undefined while its sweep is still loading. */
  trainingSet: TrainingSetSize | null | undefined;
}

/** A run's x values, or why it cannot be drawn on an axis. */
export type XValues = { ok: true; x: number[] } | { ok: false; reason: string };

/**
 * The x value of each of a run's epochs on an axis.
 *
 * @param epochs - the run's epochs of one attempt, in order.
 * @returns `ok: false` with a reason, worded to follow "not drawn: ", when the axis needs what the run lacks.
 */
export function xValuesOf(axis: XAxis, epochs: readonly XAxisEpoch[], run: XAxisRun): XValues {
  switch (axis) {
    case 'epoch':
      return { ok: true, x: epochs.map((e) => e.epoch) };
    case 'steps':
    case 'images': {
      if (run.trainingSet === undefined) return { ok: false, reason: 'its sweep is still loading' };
      if (run.trainingSet === null) return { ok: false, reason: 'its sweep sets no train limit and the size of its data set is unknown here' };
      const perEpoch = axis === 'steps' ? Math.ceil(run.trainingSet.images / run.batchSize) : run.trainingSet.images;
      return { ok: true, x: epochs.map((e) => e.epoch * perEpoch) };
    }
    case 'time': {
      if (epochs.some((e, i) => e.epoch !== i + 1)) return { ok: false, reason: 'its stored epochs do not run 1, 2, 3, … (an import of final results)' };
      if (epochs.some((e) => e.durationMs === null)) return { ok: false, reason: 'its epochs were imported without durations' };
      let total = 0;
      return { ok: true, x: epochs.map((e) => (total += (e.durationMs ?? 0) / 1000)) };
    }
  }
}

/**
 * The axis title under a chart. Steps and images seen say when a run's
 * training-set size is its sweep's train limit rather than a known data set.
 *
 * @param bases - the bases of the drawn runs' training-set sizes.
 */
export function describeXAxis(axis: XAxis, bases: readonly TrainingSetSize['basis'][] = []): string {
  const perLimit = bases.includes('train-limit') ? ' (training images per the train limit)' : '';
  switch (axis) {
    case 'epoch':
      return 'epoch';
    case 'steps':
      return `optimizer steps${perLimit}`;
    case 'images':
      return `images seen${perLimit}`;
    case 'time':
      return 'training time, s (sum of epoch durations)';
  }
}

import type { ConclusionsInput, EpochResult, RunResult } from './conclusions-input.js';

/** A run as a test describes it: the cell, and either whole epochs or just a validation-accuracy curve. */
export interface RunSketch {
  batchSize: number;
  learningRate: number;
  /** @default 1 */
  repeat?: number;
  /** @default 'succeeded' */
  status?: RunResult['status'];
  /** @default null */
  error?: string | null;
  /** Validation accuracy per epoch from epoch 1; training accuracy is 0.1 higher (at most 1), validation loss is 1 − validation accuracy, and training loss falls as 1 / (epoch + 1), as a run that learns. */
  valAccuracies?: number[];
  /** Whole epochs, used as given; wins over valAccuracies. */
  epochs?: EpochResult[];
}

/** Options of {@link buildSweep}. */
export interface BuildSweepOptions {
  /** @default the longest run's epoch count */
  plannedEpochs?: number;
  /** @default the runs' batch sizes */
  batchSizes?: number[];
  /** @default the runs' learning rates */
  learningRates?: number[];
  /** @default unknown classes and validation size, factor 10 */
  data?: ConclusionsInput['data'];
  /** @default the quick preset's: from scratch, α 0.35, 32×32 px, 2,000 training images */
  protocol?: ConclusionsInput['protocol'];
}

/**
 * Builds the conclusions' input for a test: ids 1, 2, … in the order given, and a grid of
 * the runs' own batch sizes and learning rates unless the options widen it.
 */
export function buildSweep(sketches: RunSketch[], options: BuildSweepOptions = {}): ConclusionsInput {
  const runs = sketches.map((sketch, index): RunResult => ({
    id: index + 1,
    batchSize: sketch.batchSize,
    learningRate: sketch.learningRate,
    repeat: sketch.repeat ?? 1,
    status: sketch.status ?? 'succeeded',
    error: sketch.error ?? null,
    epochs:
      sketch.epochs ??
      (sketch.valAccuracies ?? []).map((valAccuracy, epoch) => ({
        epoch: epoch + 1,
        loss: 1 / (epoch + 2),
        accuracy: Math.min(1, valAccuracy + 0.1),
        valLoss: 1 - valAccuracy,
        valAccuracy,
      })),
  }));
  return {
    plannedEpochs: options.plannedEpochs ?? Math.max(0, ...runs.map((run) => run.epochs.length)),
    data: options.data ?? { classes: null, valImages: null, divergenceFactor: 10 },
    protocol: options.protocol ?? { weights: null, alpha: 0.35, inputSize: 32, trainLimit: 2000 },
    batchSizes: options.batchSizes ?? [...new Set(runs.map((run) => run.batchSize))],
    learningRates: options.learningRates ?? [...new Set(runs.map((run) => run.learningRate))],
    runs,
  };
}

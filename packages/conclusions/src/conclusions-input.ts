import type { EpochMetrics, RunStatus } from '@sweepscope/core';
import type { InstabilityContext } from './find-instability.js';
import type { StudyProtocol } from './list-protocol-differences.js';

/** What the conclusions read of one finished epoch of a run's current attempt: its losses and accuracies, and the gradient noise scale when measured. */
export type EpochResult = Pick<EpochMetrics, 'epoch' | 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy' | 'noiseScale'>;

/** One run of a sweep: one repeat of one cell, with the epochs of its current attempt only. */
export interface RunResult {
  id: number;
  batchSize: number;
  learningRate: number;
  /** Which of the cell's repeats this is, 1-based. */
  repeat: number;
  status: RunStatus;
  /** Why it ended before its last epoch (failed, diverged, stopped early, pruned); null otherwise. */
  error: string | null;
  /** The current attempt's epochs, ascending by `epoch`. */
  epochs: EpochResult[];
}

/**
 * Everything the conclusions are computed from: a sweep's plan and its runs. Every batch
 * size with every learning rate is a cell of the grid; a cell with no run was never asked for.
 */
export interface ConclusionsInput {
  /** Epochs each run is planned to train. */
  plannedEpochs: number;
  /** Where chance and divergence lie, to tell the runs that trained but never learned. */
  data: InstabilityContext;
  /** The sweep's protocol, to name where it differs from the reference study's. */
  protocol: Omit<StudyProtocol, 'epochs'>;
  /** The grid's batch sizes (rows), in images per step. */
  batchSizes: number[];
  /** The grid's learning rates (columns). */
  learningRates: number[];
  runs: RunResult[];
}

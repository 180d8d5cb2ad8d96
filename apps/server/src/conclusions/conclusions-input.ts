import type { InstabilityContext } from './find-instability.js';
import type { StudyProtocol } from './list-protocol-differences.js';

/** Where a run stands: the database's `RunStatus` values. */
export type RunStatusName = 'queued' | 'running' | 'succeeded' | 'failed' | 'diverged' | 'cancelled' | 'stopped_early' | 'pruned';

/** One finished epoch of a run's current attempt. */
export interface EpochMetrics {
  /** Epoch number, 1-based. */
  epoch: number;
  /** Mean training cross-entropy over the epoch, in nats per image. */
  loss: number;
  /** Fraction of training images classified correctly during the epoch, 0–1. */
  accuracy: number;
  /** Mean validation cross-entropy after the epoch, in nats per image. */
  valLoss: number;
  /** Fraction of validation images classified correctly after the epoch, 0–1. */
  valAccuracy: number;
}

/** One run of a sweep: one repeat of one cell, with the epochs of its current attempt only. */
export interface RunResult {
  id: number;
  batchSize: number;
  learningRate: number;
  /** Which of the cell's repeats this is, 1-based. */
  repeat: number;
  status: RunStatusName;
  /** Why it ended before its last epoch (failed, diverged, stopped early, pruned); null otherwise. */
  error: string | null;
  /** The current attempt's epochs, ascending by `epoch`. */
  epochs: EpochMetrics[];
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

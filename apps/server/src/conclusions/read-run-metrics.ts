import type { EpochMetrics, RunResult } from './conclusions-input.js';

/** What a run's epochs say at a glance. */
export interface RunMetrics {
  /** The last epoch, when all four of its metrics are finite numbers; null otherwise (no epochs, or NaN after divergence). */
  final: EpochMetrics | null;
  /** The first epoch with the highest finite validation accuracy; null when no epoch has one. */
  best: { epoch: number; valAccuracy: number } | null;
}

/** Reads a run's final and best epochs from its current attempt's epochs. */
export function readRunMetrics(run: RunResult): RunMetrics {
  const last = run.epochs[run.epochs.length - 1];
  const finite = last && [last.loss, last.accuracy, last.valLoss, last.valAccuracy].every(Number.isFinite);
  let best: RunMetrics['best'] = null;
  for (const { epoch, valAccuracy } of run.epochs) {
    if (Number.isFinite(valAccuracy) && (best === null || valAccuracy > best.valAccuracy)) best = { epoch, valAccuracy };
  }
  return { final: finite ? last : null, best };
}

import type { EpochResult, RunResult } from './conclusions-input.js';

/** What a run's epochs say at a glance. */
export interface RunMetrics {
  /**
   * The epoch that stands as the run's result, when all four of its metrics are finite: the
   * last one, or for a run stopped early the first of lowest validation loss (Keras'
   * restore_best_weights); null otherwise (no epochs, or NaN after divergence).
   */
  final: EpochResult | null;
  /** The first epoch with the highest finite validation accuracy; null when no epoch has one. */
  best: { epoch: number; valAccuracy: number } | null;
}

function resultEpoch(run: RunResult): EpochResult | undefined {
  if (run.status !== 'stopped_early') return run.epochs[run.epochs.length - 1];
  return run.epochs.reduce<EpochResult | undefined>((lowest, epoch) => (lowest === undefined || epoch.valLoss < lowest.valLoss ? epoch : lowest), undefined);
}

/** Reads a run's result and best epochs from its current attempt's epochs. */
export function readRunMetrics(run: RunResult): RunMetrics {
  const result = resultEpoch(run);
  const finite = result && [result.loss, result.accuracy, result.valLoss, result.valAccuracy].every(Number.isFinite);
  let best: RunMetrics['best'] = null;
  for (const { epoch, valAccuracy } of run.epochs) {
    if (Number.isFinite(valAccuracy) && (best === null || valAccuracy > best.valAccuracy)) best = { epoch, valAccuracy };
  }
  return { final: finite ? result : null, best };
}

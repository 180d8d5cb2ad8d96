import type { ValidationPoint } from './find-early-stop.js';

/**
 * Completed runs at an epoch the median pruner needs before it may stop a run there. A
 * median of one or two runs is one run's luck; Optuna's MedianPruner waits for 5
 * (n_startup_trials), which a five-cell sweep never gives a second chance to.
 */
export const pruneMinRuns = 3;

function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The median pruner, as Optuna's MedianPruner: after the warm-up epochs, a run whose best
 * validation accuracy so far is below the median of the completed runs' validation accuracy
 * at the same epoch is stopped. The completed runs are those of the run's own batch size
 * (`readPruningBaseline` says why), which the reason names.
 * @param history the run's epochs so far, the last being the epoch judged
 * @param baseline the completed runs' validation accuracy at that epoch
 * @param warmupEpochs epochs every run trains before it may be pruned
 * @param batchSize the batch size of the run and of its baseline
 * @returns why it is pruned, or null while it should go on
 */
export function findPrune(history: readonly ValidationPoint[], baseline: readonly number[], warmupEpochs: number, batchSize: number): string | null {
  const last = history[history.length - 1];
  if (!last || last.epoch <= warmupEpochs || baseline.length < pruneMinRuns) return null;
  const best = Math.max(...history.map((point) => point.valAccuracy));
  const bar = median(baseline);
  if (!(best < bar)) return null;
  const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
  return `Pruned after epoch ${last.epoch}: its best validation accuracy so far, ${percent(best)}, is below the median ${percent(bar)} of ${baseline.length} completed runs of batch size ${batchSize} at epoch ${last.epoch}.`;
}

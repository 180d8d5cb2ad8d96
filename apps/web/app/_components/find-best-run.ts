import type { RunBest } from '@/graphql';

/** A sweep's best result: the run whose best epoch has the highest validation accuracy. */
export interface BestRun {
  runId: string;
  batchSize: number;
  learningRate: number;
  /** Which repeat of the cell, 1-based. */
  repeat: number;
  /** The epoch of the best, 1-based. */
  epoch: number;
  /** Validation accuracy at that epoch, a fraction in [0, 1]. */
  valAccuracy: number;
}

/**
 * Picks a sweep's best run from each run's own best epoch (computed here, not
 * by the server): the highest validation accuracy, the first run in the given
 * order on ties. Runs without an epoch yet, or whose best is not a finite
 * number (a diverged run), are skipped, and so are pruned runs: the pruner
 * ended them for falling behind, and the API's conclusions count them toward
 * no value, so a lucky early epoch of one must not name the sweep's best; so
 * are runs the API calls unstable (at chance, or a loss that rose or
 * exploded), which the conclusions never rank. A run stopped early counts:
 * its best epoch is its result.
 *
 * @returns the best, or null while no run has a finite best epoch.
 */
export function findBestRun(runs: readonly RunBest[]): BestRun | null {
  let best: BestRun | null = null;
  for (const run of runs) {
    const epoch = run.bestEpoch;
    if (run.status === 'PRUNED' || run.instability !== null || epoch === null || !Number.isFinite(epoch.valAccuracy)) continue;
    if (best !== null && epoch.valAccuracy <= best.valAccuracy) continue;
    best = {
      runId: run.id,
      batchSize: run.batchSize,
      learningRate: run.learningRate,
      repeat: run.repeat,
      epoch: epoch.epoch,
      valAccuracy: epoch.valAccuracy,
    };
  }
  return best;
}

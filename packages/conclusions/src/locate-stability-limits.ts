import type { RunStatus } from '@sweepscope/core';

/** The stability limit at one batch size. */
export interface FrontierPoint {
  batchSize: number;
  /** The largest learning rate with a run that learned and none that diverged or was unstable; null when none did. */
  largestStableLearningRate: number | null;
  /** The smallest learning rate with a run that diverged or was unstable; null when none did (the limit lies above the grid). */
  smallestUnstableLearningRate: number | null;
}

/** What the stability limits read of one cell of the grid. */
export interface StabilityCell {
  batchSize: number;
  learningRate: number;
  /** Its runs' statuses. */
  statuses: readonly RunStatus[];
  /** Whether a run of it trained to its end without learning (see findInstability). */
  unstable: boolean;
}

/**
 * For each batch size, ascending, the largest learning rate that trained stably and the
 * smallest that diverged or was unstable. A cell is unstable when a run diverged or trained
 * to its end without learning: as far past the limit as divergence. It is stable when it is
 * not, and a run succeeded or stopped early (early stopping ends a run that trained
 * stably). A pruned run fell behind, and a failed one crashed: neither says anything about
 * stability. Batch sizes where nothing trained stably or diverged yet are left out. The
 * API's conclusions and the live sweep page both draw the frontier with this.
 */
export function locateStabilityLimits(cells: readonly StabilityCell[]): FrontierPoint[] {
  const byBatch = new Map<number, FrontierPoint>();
  for (const cell of cells) {
    const unstable = cell.unstable || cell.statuses.includes('diverged');
    const stable = !unstable && cell.statuses.some((status) => status === 'succeeded' || status === 'stopped_early');
    if (!unstable && !stable) continue;
    const point = byBatch.get(cell.batchSize) ?? { batchSize: cell.batchSize, largestStableLearningRate: null, smallestUnstableLearningRate: null };
    if (stable && (point.largestStableLearningRate === null || cell.learningRate > point.largestStableLearningRate)) {
      point.largestStableLearningRate = cell.learningRate;
    }
    if (unstable && (point.smallestUnstableLearningRate === null || cell.learningRate < point.smallestUnstableLearningRate)) {
      point.smallestUnstableLearningRate = cell.learningRate;
    }
    byBatch.set(cell.batchSize, point);
  }
  return [...byBatch.values()].sort((a, b) => a.batchSize - b.batchSize);
}

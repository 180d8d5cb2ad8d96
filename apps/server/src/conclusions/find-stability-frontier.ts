import type { Concluded, Finding } from './finding.js';
import { format } from './format-values.js';
import type { CellSummary } from './summarize-cells.js';

/** The stability limit at one batch size. */
export interface FrontierPoint {
  batchSize: number;
  /** The largest learning rate with a run that succeeded and none that diverged; null when every one tried diverged. */
  largestStableLearningRate: number | null;
  /** The smallest learning rate with a run that diverged; null when none did (the limit lies above the grid). */
  smallestDivergedLearningRate: number | null;
}

/** How the largest stable learning rate moves as the batch grows; 'unknown' when the grid cannot show it. */
export type FrontierTrend = 'grows' | 'shrinks' | 'flat' | 'mixed' | 'unknown';

/** Where training stops being stable, per batch size. */
export interface StabilityFrontier {
  /** Batch sizes with a run that succeeded or diverged, ascending. */
  points: FrontierPoint[];
  trend: FrontierTrend;
}

function findTrend(stable: readonly number[]): FrontierTrend {
  const steps = stable.slice(1).map((rate, i) => Math.sign(rate - stable[i]!));
  if (steps.every((step) => step === 0)) return 'flat';
  if (steps.every((step) => step >= 0)) return 'grows';
  if (steps.every((step) => step <= 0)) return 'shrinks';
  return 'mixed';
}

function describePoint(point: FrontierPoint): Finding {
  const stable = point.largestStableLearningRate;
  const diverged = point.smallestDivergedLearningRate;
  const numbers = [
    ...(stable === null ? [] : [{ label: `largest stable learning rate (batch ${point.batchSize})`, value: stable }]),
    ...(diverged === null ? [] : [{ label: `smallest diverged learning rate (batch ${point.batchSize})`, value: diverged }]),
  ];
  if (stable === null) {
    return { topic: 'stability', text: `At batch ${point.batchSize}, every learning rate tried diverged, the smallest being ${format.learningRate(diverged!)}.`, numbers };
  }
  const limit =
    diverged === null
      ? '; none diverged, so the limit lies above the grid here'
      : `, and the smallest that diverged is ${format.learningRate(diverged)}${diverged < stable ? ' (a smaller one diverged while a larger one trained, so divergence here is not a clean threshold)' : ''}`;
  return { topic: 'stability', text: `At batch ${point.batchSize}, the largest learning rate that trained without diverging is ${format.learningRate(stable)}${limit}.`, numbers };
}

function describeTrend(points: readonly FrontierPoint[], trend: FrontierTrend): Finding {
  const stable = points.filter((point) => point.largestStableLearningRate !== null);
  const numbers = stable.map((point) => ({ label: `largest stable learning rate (batch ${point.batchSize})`, value: point.largestStableLearningRate! }));
  if (!points.some((point) => point.smallestDivergedLearningRate !== null)) {
    return {
      topic: 'stability',
      text: 'No run diverged, so the grid never reaches the stability limit and cannot show whether the largest stable learning rate grows with batch size.',
      numbers,
    };
  }
  if (trend === 'unknown') {
    return {
      topic: 'stability',
      text: `Only ${stable.length} batch size${stable.length === 1 ? ' has' : 's have'} a stable learning rate, so whether the largest stable learning rate grows with batch size cannot be seen.`,
      numbers,
    };
  }
  const how = { grows: 'grows with batch size', shrinks: 'shrinks as the batch grows', flat: 'stays the same across batch sizes', mixed: 'neither grows nor shrinks steadily with batch size' }[trend];
  const values = stable.map((point) => `${format.learningRate(point.largestStableLearningRate!)} at batch ${point.batchSize}`);
  const open = stable.filter((point) => point.smallestDivergedLearningRate === null).map((point) => `batch ${point.batchSize}`);
  const caveat = open.length === 0 ? '' : `; at ${format.list(open)} none diverged, so there it is only a lower bound`;
  return { topic: 'stability', text: `The largest stable learning rate ${how}: ${format.list(values)}${caveat}.`, numbers };
}

/**
 * For each batch size, the largest learning rate that trained without diverging and the
 * smallest that diverged, and whether that largest stable learning rate grows with batch
 * size. A cell counts as stable when a repeat succeeded and none diverged; failed runs
 * (crashes, not divergence) say nothing about stability and are left out.
 */
export function findStabilityFrontier(cells: readonly CellSummary[]): Concluded<StabilityFrontier> {
  const points: FrontierPoint[] = [];
  for (const batchSize of [...new Set(cells.map((cell) => cell.batchSize))]) {
    const row = cells.filter((cell) => cell.batchSize === batchSize);
    const diverged = row.filter((cell) => cell.runs.some((run) => run.status === 'diverged')).map((cell) => cell.learningRate);
    const stable = row
      .filter((cell) => cell.runs.some((run) => run.status === 'succeeded') && !cell.runs.some((run) => run.status === 'diverged'))
      .map((cell) => cell.learningRate);
    if (diverged.length === 0 && stable.length === 0) continue;
    points.push({
      batchSize,
      largestStableLearningRate: stable.length > 0 ? Math.max(...stable) : null,
      smallestDivergedLearningRate: diverged.length > 0 ? Math.min(...diverged) : null,
    });
  }
  const stable = points.flatMap((point) => (point.largestStableLearningRate === null ? [] : [point.largestStableLearningRate]));
  const bounded = points.some((point) => point.smallestDivergedLearningRate !== null);
  const trend = stable.length >= 2 && bounded ? findTrend(stable) : 'unknown';
  const findings = points.length === 0 ? [] : [...points.map(describePoint), describeTrend(points, trend)];
  return { result: { points, trend }, findings };
}

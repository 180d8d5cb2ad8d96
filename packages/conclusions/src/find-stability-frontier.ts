import type { Concluded, Finding } from './finding.js';
import { format } from './format-values.js';
import { locateStabilityLimits, type FrontierPoint } from './locate-stability-limits.js';
import type { CellSummary } from './summarize-cells.js';

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
  const unstable = point.smallestUnstableLearningRate;
  const numbers = [
    ...(stable === null ? [] : [{ label: `largest stable learning rate (batch ${point.batchSize})`, value: stable }]),
    ...(unstable === null ? [] : [{ label: `smallest diverged or unstable learning rate (batch ${point.batchSize})`, value: unstable }]),
  ];
  if (stable === null) {
    return {
      topic: 'stability',
      text: `At batch ${point.batchSize}, every learning rate tried diverged or was unstable, the smallest being ${format.learningRate(unstable!)}.`,
      numbers,
    };
  }
  const limit =
    unstable === null
      ? '; none diverged or was unstable, so the limit lies above the grid here'
      : `, and the smallest that diverged or was unstable is ${format.learningRate(unstable)}${unstable < stable ? ' (a smaller one failed while a larger one trained, so the limit here is not a clean threshold)' : ''}`;
  return {
    topic: 'stability',
    text: `At batch ${point.batchSize}, the largest learning rate that trained stably is ${format.learningRate(stable)}${limit}.`,
    numbers,
  };
}

function describeTrend(points: readonly FrontierPoint[], trend: FrontierTrend): Finding {
  const stable = points.filter((point) => point.largestStableLearningRate !== null);
  const numbers = stable.map((point) => ({ label: `largest stable learning rate (batch ${point.batchSize})`, value: point.largestStableLearningRate! }));
  if (!points.some((point) => point.smallestUnstableLearningRate !== null)) {
    return {
      topic: 'stability',
      text: 'No run diverged or was unstable, so the grid never reaches the stability limit and cannot show whether the largest stable learning rate grows with batch size.',
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
  const how = {
    grows: 'grows with batch size',
    shrinks: 'shrinks as the batch grows',
    flat: 'stays the same across batch sizes',
    mixed: 'neither grows nor shrinks steadily with batch size',
  }[trend];
  const values = stable.map((point) => `${format.learningRate(point.largestStableLearningRate!)} at batch ${point.batchSize}`);
  const open = stable.filter((point) => point.smallestUnstableLearningRate === null).map((point) => `batch ${point.batchSize}`);
  const caveat = open.length === 0 ? '' : `; at ${format.list(open)} none diverged or was unstable, so there it is only a lower bound`;
  return { topic: 'stability', text: `The largest stable learning rate ${how}: ${format.list(values)}${caveat}.`, numbers };
}

/**
 * For each batch size, the largest learning rate that trained stably and the smallest that
 * diverged or was unstable (see findInstability), and whether that largest stable learning
 * rate grows with batch size. A cell counts as stable when a repeat learned and none
 * diverged or was unstable; failed runs (crashes, not divergence) say nothing about
 * stability and are left out.
 */
export function findStabilityFrontier(cells: readonly CellSummary[]): Concluded<StabilityFrontier> {
  const points = locateStabilityLimits(cells.map((cell) => ({ ...cell, statuses: cell.runs.map((run) => run.status), unstable: cell.unstable.length > 0 })));
  const stable = points.flatMap((point) => (point.largestStableLearningRate === null ? [] : [point.largestStableLearningRate]));
  const bounded = points.some((point) => point.smallestUnstableLearningRate !== null);
  const trend = stable.length >= 2 && bounded ? findTrend(stable) : 'unknown';
  const findings = points.length === 0 ? [] : [...points.map(describePoint), describeTrend(points, trend)];
  return { result: { points, trend }, findings };
}

import type { BestLearningRate, GridEdge } from './find-best-learning-rates.js';
import type { Concluded, Finding } from './finding.js';
import { fitLine } from './statistics/fit-line.js';
import { format } from './format-values.js';
import { quantile } from './statistics/quantile.js';

/** The slopes the published rules predict for log(learning rate) against log(batch size). */
export const scalingRules = {
  /** Linear Scaling Rule (Goyal et al. 2017): multiply the batch by k, multiply the learning rate by k. */
  linear: 1,
  /** Square-root scaling: multiply the batch by k, multiply the learning rate by √k. */
  squareRoot: 0.5,
} as const;

/** One batch size in the fit. */
export interface ScalingPoint {
  batchSize: number;
  /** Its best learning rate; the geometric mean of the best ones when several tie. */
  learningRate: number;
  /** Where the best sits among the learning rates tried there (see {@link BestLearningRate.edge}). */
  edge: GridEdge | null;
}

/** How the best learning rate scales with batch size, and how well the grid can tell. */
export interface LearningRateScaling {
  /** The batch sizes with at least two learning rates tried. */
  points: ScalingPoint[];
  /** Least-squares slope of ln(best learning rate) against ln(batch size); null with fewer than two points. */
  slope: number | null;
  /** Its standard error from the residuals; null with fewer than three points. */
  slopeStandardError: number | null;
  /** Median ratio between neighbouring learning rates tried at the points, as a natural log: ln 10 for a grid of decades. Null without points. */
  gridLogStep: number | null;
  /** ln(largest / smallest batch size) over the points; null with fewer than two points. */
  batchLogRange: number | null;
  /** gridLogStep / batchLogRange: the smallest change of slope the grid can show (one learning-rate step across the batch range). */
  slopeStep: number | null;
  /** Whether slopeStep is at most the 0.5 between the two rules, so the grid can tell them apart. */
  resolvesRules: boolean;
  /** The rule whose slope is nearer the fitted one; null when there is no fit, the slope is not positive, or it is exactly between. */
  closerTo: 'linear' | 'square-root' | null;
}

function findCloserRule(slope: number): LearningRateScaling['closerTo'] {
  const toLinear = Math.abs(slope - scalingRules.linear);
  const toSquareRoot = Math.abs(slope - scalingRules.squareRoot);
  if (slope <= 0 || toLinear === toSquareRoot) return null;
  return toLinear < toSquareRoot ? 'linear' : 'square-root';
}

function describeFit(scaling: LearningRateScaling, first: number, last: number): Finding {
  const slope = scaling.slope!;
  const error = scaling.slopeStandardError === null ? '' : ` ± ${format.decimal(scaling.slopeStandardError)} (standard error)`;
  const verdict =
    slope <= 0
      ? 'it is closer to neither: both rules expect the best learning rate to grow with the batch size, and here it did not'
      : scaling.closerTo === null
        ? 'it lies exactly between them'
        : `it is closer to ${scaling.closerTo === 'linear' ? 'the Linear Scaling Rule' : 'square-root scaling'}`;
  const text =
    `Across ${scaling.points.length} batch sizes (${first} to ${last}), the least-squares slope of log(best learning rate) against log(batch size) ` +
    `is ${format.decimal(slope)}${error}; the Linear Scaling Rule (Goyal et al. 2017) predicts ${scalingRules.linear} and square-root scaling ${scalingRules.squareRoot}, so ${verdict}.`;
  const numbers = [
    { label: 'slope', value: slope },
    ...(scaling.slopeStandardError === null ? [] : [{ label: 'slope standard error', value: scaling.slopeStandardError }]),
    { label: 'Linear Scaling Rule slope', value: scalingRules.linear },
    { label: 'square-root scaling slope', value: scalingRules.squareRoot },
    { label: 'batch sizes fitted', value: scaling.points.length },
  ];
  return { topic: 'scaling', text, numbers };
}

function describeResolution(scaling: LearningRateScaling, first: number, last: number): Finding {
  const step = Math.exp(scaling.gridLogStep!);
  const implied = scaling.slope! * scaling.batchLogRange!;
  const gap = scalingRules.linear - scalingRules.squareRoot;
  const verdict = scaling.resolvesRules
    ? `no coarser than the ${gap} between the two rules, so the grid can tell them apart`
    : `coarser than the ${gap} between the two rules, so this grid cannot tell them apart`;
  const text =
    `The grid resolves the slope only in steps of ${format.decimal(scaling.slopeStep!)}: one learning-rate step (×${format.decimal(step, 1)}) ` +
    `across the batch range (×${format.decimal(last / first, 1)}); that is ${verdict}. The fitted slope implies the best learning rate changes ` +
    `×${format.decimal(Math.exp(implied))} from batch ${first} to ${last}, ${format.decimal(implied / scaling.gridLogStep!, 1)} grid steps.`;
  const numbers = [
    { label: 'slope step', value: scaling.slopeStep! },
    { label: 'learning-rate grid step (ratio)', value: step },
    { label: 'batch range (ratio)', value: last / first },
    { label: 'implied change of the best learning rate (ratio)', value: Math.exp(implied) },
  ];
  return { topic: 'scaling', text, numbers };
}

/**
 * Fits how the best learning rate scales with batch size, when at least two batch sizes
 * have at least two learning rates tried each, and says how finely the grid can resolve
 * the slope: a fitted slope can only move in steps of one learning-rate grid step across
 * the batch range, so a grid of decades over batches 32–128 cannot tell slope 1 from 0.5.
 * Batch sizes with one learning rate tried carry no information on the best and are left out.
 */
export function fitLearningRateScaling(best: readonly BestLearningRate[]): Concluded<LearningRateScaling> {
  const fitted = best.filter((entry) => entry.triedLearningRates.length >= 2);
  const points = fitted.map((entry) => ({
    batchSize: entry.batchSize,
    learningRate: Math.exp(entry.learningRates.reduce((sum, rate) => sum + Math.log(rate), 0) / entry.learningRates.length),
    edge: entry.edge,
  }));
  const steps = fitted.flatMap((entry) => entry.triedLearningRates.slice(1).map((rate, i) => Math.log(rate / entry.triedLearningRates[i]!)));
  const empty = { points, slope: null, slopeStandardError: null, batchLogRange: null, slopeStep: null, resolvesRules: false, closerTo: null };
  if (points.length < 2) {
    const text =
      `The grid cannot show how the best learning rate scales with batch size: that needs at least two batch sizes with at least two ` +
      `learning rates tried each, and it has ${points.length}.`;
    return {
      result: { ...empty, gridLogStep: steps.length > 0 ? quantile(steps, 0.5) : null },
      findings: [{ topic: 'scaling', text, numbers: [{ label: 'batch sizes with two or more learning rates', value: points.length }] }],
    };
  }
  const line = fitLine(
    points.map((point) => Math.log(point.batchSize)),
    points.map((point) => Math.log(point.learningRate)),
  );
  const first = points[0]!.batchSize;
  const last = points[points.length - 1]!.batchSize;
  const gridLogStep = quantile(steps, 0.5);
  const batchLogRange = Math.log(last / first);
  const slopeStep = gridLogStep / batchLogRange;
  const scaling: LearningRateScaling = {
    points,
    slope: line.slope,
    slopeStandardError: line.slopeStandardError,
    gridLogStep,
    batchLogRange,
    slopeStep,
    // A hair of slack so a grid exactly at the limit (a ×2 step over a ×4 range) counts as resolving.
    resolvesRules: slopeStep <= scalingRules.linear - scalingRules.squareRoot + 1e-9,
    closerTo: findCloserRule(line.slope),
  };
  const findings = [describeFit(scaling, first, last), describeResolution(scaling, first, last)];
  const atEdge = points.filter((point) => point.edge !== null);
  if (atEdge.length > 0) {
    findings.push({
      topic: 'scaling',
      text:
        `At ${atEdge.length} of the ${points.length} batch sizes (${format.list(atEdge.map((point) => `batch ${point.batchSize}`))}) the best learning rate ` +
        `is at the edge of those tried, so the true optimum may lie outside the grid and the slope may be off.`,
      numbers: [{ label: 'batch sizes whose best learning rate is at the edge', value: atEdge.length }],
    });
  }
  return { result: scaling, findings };
}

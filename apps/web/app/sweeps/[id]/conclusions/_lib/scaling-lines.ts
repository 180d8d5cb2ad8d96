import { predictLearningRate } from '@sweepscope/core';

/** A point of the best-learning-rate chart: a batch size (images per step) and a learning rate. */
export interface ScalingPoint {
  batchSize: number;
  learningRate: number;
}

/** A straight segment on log–log axes, from the smaller batch size to the larger. */
export interface LineSegment {
  from: ScalingPoint;
  to: ScalingPoint;
}

/** The slopes of the two published rules on log–log axes. */
export const RULE_SLOPES = {
  /** The Linear Scaling Rule (Goyal et al. 2017): learning rate ∝ batch size. */
  linear: 1,
  /** Square-root scaling: learning rate ∝ √batch size. */
  squareRoot: 0.5,
} as const;

/** The geometric mean of values > 0: the middle of a tie on a log axis. @throws {RangeError} for no values */
export function getGeometricMean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('geometric mean: expected at least one value, got none');
  // exp(ln x) is not always x in floating point: 0.1 would come back as 0.10000000000000002.
  if (values.length === 1) return values[0]!;
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

/**
 * The point the rule lines go through: the smallest batch size's best learning
 * rate (the geometric mean of its best ones when several tie, as the API's
 * scaling fit takes it). Null when no batch size has a best learning rate yet.
 */
export function getScalingAnchor(best: readonly { batchSize: number; learningRates: readonly number[] }[]): ScalingPoint | null {
  const withBest = best.filter((entry) => entry.learningRates.length > 0);
  if (withBest.length === 0) return null;
  const smallest = withBest.reduce((low, entry) => (entry.batchSize < low.batchSize ? entry : low));
  return { batchSize: smallest.batchSize, learningRate: getGeometricMean(smallest.learningRates) };
}

/**
 * The power law learning rate = anchor.learningRate × (batch / anchor.batchSize)^slope,
 * which on log–log axes is a straight line of that slope through the anchor,
 * evaluated at the two batch sizes given.
 */
export function getPowerLawLine(anchor: ScalingPoint, slope: number, [fromBatch, toBatch]: readonly [number, number]): LineSegment {
  const at = (batchSize: number): ScalingPoint => ({ batchSize, learningRate: anchor.learningRate * (batchSize / anchor.batchSize) ** slope });
  return { from: at(Math.min(fromBatch, toBatch)), to: at(Math.max(fromBatch, toBatch)) };
}

/** The Linear Scaling Rule's and square-root scaling's lines. */
export interface RuleLines {
  /** Slope 1. */
  linear: LineSegment;
  /** Slope 0.5. */
  squareRoot: LineSegment;
}

/**
 * The two rules' predictions drawn through the smallest batch size's best
 * point ({@link getScalingAnchor}), from that batch size to the largest one
 * with a best learning rate: where each rule says the best learning rate of
 * the larger batches should be, given the smallest's. Null with fewer than two
 * batch sizes: a line needs somewhere to go.
 */
export function getRuleLines(best: readonly { batchSize: number; learningRates: readonly number[] }[]): RuleLines | null {
  const anchor = getScalingAnchor(best);
  const batchSizes = best.filter((entry) => entry.learningRates.length > 0).map((entry) => entry.batchSize);
  if (anchor === null || new Set(batchSizes).size < 2) return null;
  const range = [anchor.batchSize, Math.max(...batchSizes)] as const;
  return { linear: getPowerLawLine(anchor, RULE_SLOPES.linear, range), squareRoot: getPowerLawLine(anchor, RULE_SLOPES.squareRoot, range) };
}

/**
 * The API's least-squares fit of ln(learning rate) against ln(batch size) as a
 * segment over the fitted points' batch range. A least-squares line passes
 * through the points' mean in log space, so the slope alone fixes it. Null
 * without a slope or with fewer than two distinct batch sizes.
 */
export function getFittedLine(points: readonly ScalingPoint[], slope: number | null): LineSegment | null {
  if (slope === null || new Set(points.map((point) => point.batchSize)).size < 2) return null;
  const centre: ScalingPoint = {
    batchSize: getGeometricMean(points.map((point) => point.batchSize)),
    learningRate: getGeometricMean(points.map((point) => point.learningRate)),
  };
  const batchSizes = points.map((point) => point.batchSize);
  return getPowerLawLine(centre, slope, [Math.min(...batchSizes), Math.max(...batchSizes)]);
}

/**
 * The best learning rate the gradient noise scale predicts, ε(B) = ε_max / (1 + B_crit / B)
 * (McCandlish et al. 2018), at `samples` batch sizes spaced evenly on a log axis from the
 * smaller end of `range` to the larger: on log–log axes a curve, straight (slope 1) well
 * below B_crit and level well above it.
 */
export function getPredictedCurve(
  maxLearningRate: number,
  criticalBatchSize: number,
  [fromBatch, toBatch]: readonly [number, number],
  samples = 32,
): ScalingPoint[] {
  const low = Math.log(Math.min(fromBatch, toBatch));
  const high = Math.log(Math.max(fromBatch, toBatch));
  return Array.from({ length: samples }, (_, index) => {
    const batchSize = Math.exp(low + ((high - low) * index) / (samples - 1));
    return { batchSize, learningRate: predictLearningRate(maxLearningRate, criticalBatchSize, batchSize) };
  });
}

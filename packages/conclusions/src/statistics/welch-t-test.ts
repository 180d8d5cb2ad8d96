import { studentTCdf, studentTQuantile } from './student-t.js';
import { summarizeSample } from './summarize-sample.js';

/** The outcome of {@link testWelch}. */
export interface WelchResult {
  /** Welch's t statistic, (mean a − mean b) / √(s²a/na + s²b/nb); null when both samples have no spread and their means differ (t is infinite). */
  t: number | null;
  /** Welch–Satterthwaite degrees of freedom; null when both samples have no spread. */
  degreesOfFreedom: number | null;
  /** Two-sided p-value of "the two means are equal". */
  pValue: number;
  /** mean a − mean b. */
  difference: number;
  /** The 95 % confidence interval of the difference, [low, high]; a point when neither sample has spread. */
  interval: [number, number];
}

/**
 * Welch's unequal-variances t-test of whether two samples share a mean, two-sided, with the
 * 95 % confidence interval of the difference of means (Welch–Satterthwaite t). Two
 * samples without any spread are equal (p = 1) when their means match and certainly
 * different (p = 0) when they do not.
 * @throws {RangeError} when a sample has fewer than two values: expected at least two each
 */
export function testWelch(a: readonly number[], b: readonly number[]): WelchResult {
  if (a.length < 2 || b.length < 2) {
    throw new RangeError(`testWelch: expected at least two values in each sample, got ${a.length} and ${b.length}.`);
  }
  const left = summarizeSample(a);
  const right = summarizeSample(b);
  const leftError = left.variance! / left.n;
  const rightError = right.variance! / right.n;
  const standardError = Math.sqrt(leftError + rightError);
  const difference = left.mean - right.mean;
  if (standardError === 0) {
    const point: [number, number] = [difference, difference];
    return difference === 0
      ? { t: 0, degreesOfFreedom: null, pValue: 1, difference, interval: point }
      : { t: null, degreesOfFreedom: null, pValue: 0, difference, interval: point };
  }
  const t = difference / standardError;
  const degreesOfFreedom = (leftError + rightError) ** 2 / (leftError ** 2 / (left.n - 1) + rightError ** 2 / (right.n - 1));
  const halfWidth = studentTQuantile(0.975, degreesOfFreedom) * standardError;
  return {
    t,
    degreesOfFreedom,
    pValue: 2 * studentTCdf(-Math.abs(t), degreesOfFreedom),
    difference,
    interval: [difference - halfWidth, difference + halfWidth],
  };
}

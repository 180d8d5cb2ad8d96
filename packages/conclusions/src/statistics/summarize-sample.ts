/** Mean and spread of a sample. */
export interface SampleSummary {
  /** Number of values. */
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1); null with fewer than two values. */
  standardDeviation: number | null;
  /** Sample variance (divisor n − 1); null with fewer than two values. */
  variance: number | null;
}

/**
 * The mean and sample standard deviation (Bessel's n − 1) of some values.
 * @throws {RangeError} when there are no values: expected at least one
 */
export function summarizeSample(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) throw new RangeError('summarizeSample: expected at least one value, got none.');
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return { n, mean, standardDeviation: null, variance: null };
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  return { n, mean, standardDeviation: Math.sqrt(variance), variance };
}

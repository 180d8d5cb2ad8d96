/**
 * The p-th percentile of some samples, by the nearest-rank method: the smallest sample
 * that at least p % of the samples are at or below. No interpolation, so the figure is
 * always one that was measured.
 * @param samples any order; not changed
 * @param p 0–100
 * @returns NaN for no samples
 * @throws {RangeError} when p is outside 0–100
 */
export function percentile(samples: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: expected p in 0–100, got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The usual figures of a latency sample, in the samples' unit. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Summarises a latency sample: its size, median, 99th percentile and largest value.
 * @param samples any order; not changed
 */
export function summarizeLatencies(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

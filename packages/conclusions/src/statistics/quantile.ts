/**
 * The q-quantile of some values, interpolated linearly between order statistics (NumPy's
 * default): q = 0.5 is the median, the mean of the two middle values for an even count.
 * @throws {RangeError} when there are no values: expected at least one
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile: expected at least one value, got none.');
  const sorted = values.toSorted((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

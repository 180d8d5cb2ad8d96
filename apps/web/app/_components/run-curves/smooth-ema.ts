/**
 * Smooths a series with an exponential moving average, debiased as
 * TensorBoard's scalar dashboard does it: the average starts at 0, so each
 * point is divided by `1 − weight^n` (n = finite points so far), and the first
 * points are not pulled towards zero. Points are taken in order, one step
 * each, whatever their x spacing.
 *
 * Non-finite values and nulls pass through as they are and do not enter the
 * average (as TensorBoard does with NaN); a series whose values are all equal
 * is returned unchanged, so it does not drift by rounding.
 *
 * @param values - the raw series, in x order.
 * @param weight - the smoothing weight, 0 (none) to below 1; 0.6 is TensorBoard's default.
 * @returns a new array of the same length.
 * @throws RangeError when `weight` is not in [0, 1).
 */
export function smoothEma(values: readonly (number | null)[], weight: number): (number | null)[] {
  if (!(weight >= 0 && weight < 1)) throw new RangeError(`expected a smoothing weight in [0, 1), got ${weight}`);
  const first = values.find((value) => value !== null);
  const constant = values.every((value) => value === null || value === first);
  if (weight === 0 || constant) return [...values];
  let last = 0;
  let count = 0;
  return values.map((value) => {
    if (value === null || !Number.isFinite(value)) return value;
    last = last * weight + (1 - weight) * value;
    count += 1;
    return last / (1 - weight ** count);
  });
}

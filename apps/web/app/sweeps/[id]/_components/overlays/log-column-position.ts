/**
 * Where a learning rate falls among the grid's columns, as a fractional column
 * index: the columns' learning rates, ascending, sit at 0, 1, 2, …, and a
 * value between two of them is placed linearly in log space (0.03 lies about
 * halfway between the columns of 0.01 and 0.1, at log₁₀ 0.03 ≈ −1.52).
 * Beyond the first or last column it extrapolates with the nearest step.
 *
 * @param learningRates - the columns' learning rates, ascending, all > 0.
 * @returns NaN for fewer than two columns (a lone column has no log step), or
 *   a value that is not > 0.
 */
export function logColumnPosition(learningRate: number, learningRates: readonly number[]): number {
  const n = learningRates.length;
  if (n < 2 || !(learningRate > 0)) return Number.NaN;
  const logs = learningRates.map(Math.log);
  const x = Math.log(learningRate);
  // The segment to interpolate in: the one holding x, or the end one nearest it.
  let k = 0;
  while (k < n - 2 && x > logs[k + 1]!) k += 1;
  const from = logs[k]!;
  const to = logs[k + 1]!;
  return k + (x - from) / (to - from);
}

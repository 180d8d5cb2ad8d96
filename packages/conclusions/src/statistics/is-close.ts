/**
 * Whether two numbers are equal but for floating-point rounding: within 1e-9 of each
 * other, relative to the larger. Means of accuracies such as (0.5 + 0.7) / 2 and 0.6 differ
 * in their last bits, and learning rates read back from the database should still match.
 */
export function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

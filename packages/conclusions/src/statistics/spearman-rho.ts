import { rankAverage } from './rank-average.js';

/**
 * Spearman's rank correlation ρ of paired values: Pearson's correlation of their average
 * ranks, so ties are handled exactly. 1 means both order the pairs alike, −1 reversed.
 * @returns ρ in [−1, 1], or null when either side's values are all tied (ρ is undefined)
 * @throws {RangeError} when the two lists differ in length or hold fewer than two pairs
 */
export function computeSpearmanRho(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length || a.length < 2) {
    throw new RangeError(`computeSpearmanRho: expected two lists of the same length, at least 2, got ${a.length} and ${b.length}.`);
  }
  const left = rankAverage(a);
  const right = rankAverage(b);
  const mean = (left.length + 1) / 2;
  let cross = 0;
  let leftSquares = 0;
  let rightSquares = 0;
  for (let i = 0; i < left.length; i += 1) {
    cross += (left[i]! - mean) * (right[i]! - mean);
    leftSquares += (left[i]! - mean) ** 2;
    rightSquares += (right[i]! - mean) ** 2;
  }
  if (leftSquares === 0 || rightSquares === 0) return null;
  return cross / Math.sqrt(leftSquares * rightSquares);
}

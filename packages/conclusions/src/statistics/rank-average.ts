import { isClose } from './is-close.js';

/**
 * Ranks values from 1 (the smallest) up, giving tied values the mean of the ranks they
 * span, as Spearman's ρ needs: [0.2, 0.5, 0.5, 0.9] ranks [1, 2.5, 2.5, 4].
 */
export function rankAverage(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && isClose(order[end]!.value, order[start]!.value)) end += 1;
    // Positions start..end − 1 hold ranks start + 1..end, whose mean is (start + 1 + end) / 2.
    for (let k = start; k < end; k += 1) ranks[order[k]!.index] = (start + 1 + end) / 2;
    start = end;
  }
  return ranks;
}

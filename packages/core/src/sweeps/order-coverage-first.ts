import type { Cell } from './parse-cells.js';

/**
 * Orders a sweep's cells so that the first to train already span the grid: the corners
 * first, then the centre, then each time the cell farthest from every cell already taken
 * (greedy farthest-point order). Distances are measured between ranks, each axis scaled to
 * 0–1, so a learning-rate axis of 0.001, 0.01, 0.1, 1 counts as evenly spaced, as on the
 * log axis people read it on. Ties keep the order given.
 * @returns the same cells, reordered; an empty list for an empty list
 */
export function orderCoverageFirst<C extends Cell>(cells: readonly C[]): C[] {
  if (cells.length === 0) return [];
  const position = placeOnUnitSquare(cells);
  const distance = (a: number, b: number): number => {
    const [ax = 0, ay = 0] = position[a] ?? [];
    const [bx = 0, by = 0] = position[b] ?? [];
    return Math.hypot(ax - bx, ay - by);
  };
  const left = cells.map((_, index) => index);
  const taken: number[] = [];
  // Seeding with the small-batch, small-rate corner makes the opposite corner the farthest, and so on.
  const first = closestTo(left, position, [0, 0]);
  taken.push(first);
  left.splice(left.indexOf(first), 1);
  while (left.length > 0) {
    let best = left[0] ?? 0;
    let bestDistance = -1;
    for (const candidate of left) {
      const nearest = Math.min(...taken.map((index) => distance(candidate, index)));
      if (nearest > bestDistance + 1e-12) {
        best = candidate;
        bestDistance = nearest;
      }
    }
    taken.push(best);
    left.splice(left.indexOf(best), 1);
  }
  return taken.map((index) => cells[index] as C);
}

/** Each cell's batch-size rank and learning-rate rank, each scaled to 0–1. */
function placeOnUnitSquare(cells: readonly Cell[]): [number, number][] {
  const rank = (values: number[]): Map<number, number> => {
    const distinct = [...new Set(values)].sort((a, b) => a - b);
    const span = Math.max(distinct.length - 1, 1);
    return new Map(distinct.map((value, index) => [value, index / span]));
  };
  const batchRank = rank(cells.map((cell) => cell.batchSize));
  const rateRank = rank(cells.map((cell) => cell.learningRate));
  return cells.map((cell) => [batchRank.get(cell.batchSize) ?? 0, rateRank.get(cell.learningRate) ?? 0]);
}

function closestTo(indices: number[], position: [number, number][], [x, y]: [number, number]): number {
  let best = indices[0] ?? 0;
  for (const index of indices) {
    const [px = 0, py = 0] = position[index] ?? [];
    const [bx = 0, by = 0] = position[best] ?? [];
    if (Math.hypot(px - x, py - y) < Math.hypot(bx - x, by - y)) best = index;
  }
  return best;
}

import type { FrontierPoint } from '@sweepscope/conclusions';

import { logColumnPosition } from './log-column-position';
import type { GridPoint } from './ratio-lines';

/** The frontier's boundary on one row, in cell units. */
export interface FrontierStep {
  row: number;
  /** The column boundary it runs along: half-way between the last stable and the first diverged cell. */
  col: number;
  /**
   * True when a diverged cell lies left of a stable one (unstable at a smaller
   * learning rate than a stable one): the boundary is drawn left of the first
   * diverged cell, and the row is flagged.
   */
  mixed: boolean;
}

/** The frontier as drawn: one polyline per run of consecutive rows that have a boundary, in cell units. */
export interface FrontierPath {
  steps: FrontierStep[];
  lines: GridPoint[][];
}

function columnOf(learningRate: number, learningRates: readonly number[]): number {
  const index = learningRates.indexOf(learningRate);
  return index !== -1 ? index : logColumnPosition(learningRate, learningRates);
}

/**
 * Lays the frontier on the grid. On each row with a diverged cell the boundary
 * is a vertical segment spanning the row: between the largest stable and the
 * smallest diverged learning rate (on the cells' shared border when they are
 * neighbours), or left of the first diverged cell when no cell is stable or
 * the row is mixed. Rows whose runs have not diverged have no boundary: their
 * limit lies above the grid. Consecutive rows' segments are joined by a
 * horizontal step on the border between the rows, making a staircase.
 *
 * @param batchSizes - the rows, ascending.
 * @param learningRates - the columns, ascending.
 */
export function buildFrontierPath(limits: readonly FrontierPoint[], batchSizes: readonly number[], learningRates: readonly number[]): FrontierPath {
  const steps: FrontierStep[] = [];
  for (const limit of limits) {
    const row = batchSizes.indexOf(limit.batchSize);
    if (row === -1 || limit.smallestUnstableLearningRate === null) continue;
    const diverged = columnOf(limit.smallestUnstableLearningRate, learningRates);
    const stable = limit.largestStableLearningRate === null ? null : columnOf(limit.largestStableLearningRate, learningRates);
    if (!Number.isFinite(diverged)) continue;
    const mixed = stable !== null && stable > diverged;
    const col = stable === null || mixed || !Number.isFinite(stable) ? diverged - 0.5 : (stable + diverged) / 2;
    steps.push({ row, col, mixed });
  }
  steps.sort((a, b) => a.row - b.row);

  const lines: GridPoint[][] = [];
  let current: GridPoint[] = [];
  let previous: FrontierStep | undefined;
  for (const step of steps) {
    if (previous !== undefined && step.row === previous.row + 1) {
      // Across the border between the rows, from one boundary to the next.
      current.push({ col: step.col, row: step.row - 0.5 });
    } else {
      if (current.length > 0) lines.push(current);
      current = [{ col: step.col, row: step.row - 0.5 }];
    }
    current.push({ col: step.col, row: step.row + 0.5 });
    previous = step;
  }
  if (current.length > 0) lines.push(current);
  return { steps, lines };
}

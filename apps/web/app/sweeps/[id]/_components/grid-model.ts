import type { RunCell, SweepDetail } from '@/graphql';

/** A sweep's runs laid out as batch size × learning rate. */
export interface GridModel {
  /** Batch sizes, ascending. */
  batchSizes: number[];
  /** Learning rates, ascending. */
  learningRates: number[];
  /** Runs in grid order: by batch size, then learning rate. */
  runs: RunCell[];
  /** The run asked for at a cell, or undefined for an empty cell. */
  runAt(batchSize: number, learningRate: number): RunCell | undefined;
}

function cellKey(batchSize: number, learningRate: number): string {
  return `${batchSize}:${String(learningRate)}`;
}

function sortedUnique(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * Lays a sweep's runs out as a grid. The axes are the sweep's `batchSizes` and
 * `learningRates`, widened by any run value they miss, so no run is hidden
 * while a refetch catches up.
 */
export function buildGridModel(sweep: SweepDetail): GridModel {
  const byCell = new Map(sweep.runs.map((run) => [cellKey(run.batchSize, run.learningRate), run]));
  const batchSizes = sortedUnique([...sweep.batchSizes, ...sweep.runs.map((r) => r.batchSize)]);
  const learningRates = sortedUnique([...sweep.learningRates, ...sweep.runs.map((r) => r.learningRate)]);
  const runs = [...sweep.runs].sort((a, b) => a.batchSize - b.batchSize || a.learningRate - b.learningRate);
  return {
    batchSizes,
    learningRates,
    runs,
    runAt: (batchSize, learningRate) => byCell.get(cellKey(batchSize, learningRate)),
  };
}

/**
 * Picks the run whose curves to show: `selectedRunId` if it is in the grid,
 * else the first run (in grid order) that has finished an epoch, else none.
 */
export function pickSelectedRun(grid: GridModel, selectedRunId: string | null): RunCell | undefined {
  const chosen = selectedRunId === null ? undefined : grid.runs.find((run) => run.id === selectedRunId);
  return chosen ?? grid.runs.find((run) => run.epochsDone > 0 || run.latestEpoch !== null);
}

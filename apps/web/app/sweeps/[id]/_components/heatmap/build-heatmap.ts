import { aggregateRepeats, type CellSummary } from '../grid/aggregate-repeats';
import type { LiveGrid } from '../live/apply-sweep-events';
import { buildSparklineDomain, type SparklineDomain } from '../grid/build-sparkline';
import { GRID_METRIC_DEFINITIONS, type GridMetric } from '../grid/grid-metrics';
import { fitHeatmapDomain } from './heatmap-domain';
import { createSequentialScale, type SequentialScale } from './sequential-scale';

/** What the heatmap draws, derived from the grid for one metric. */
export interface Heatmap {
  /** One per cell, in the grid's order. */
  summaries: CellSummary[];
  /** Over the metric's domain ({@link fitHeatmapDomain}), which is null while no cell has a value. */
  scale: SequentialScale;
  /** The range every cell's sparkline shares. */
  sparklineDomain: SparklineDomain | null;
}

function* sparklineValues(grid: LiveGrid): Generator<number> {
  for (const cell of grid.cells) for (const run of cell.runs) for (const value of run.valAccuracies) if (value !== null) yield value;
}

/**
 * Folds each cell's repeats ({@link aggregateRepeats}), sets the colour scale
 * over the metric's domain (better is bright, whichever way the metric runs),
 * and finds the validation-accuracy range the sparklines share.
 *
 * @param plannedEpochs - epochs each run trains.
 * @param chance - the accuracy a guess earns, 1 / the data set's classes:
 *   accuracy is coloured from it to 100 %, or from 0 when it is not given.
 */
export function buildHeatmap(grid: LiveGrid, metric: GridMetric, plannedEpochs: number, chance?: number): Heatmap {
  const summaries = grid.cells.map((cell) => aggregateRepeats(cell.runs, metric, plannedEpochs));
  const values = summaries.map((summary) => summary.value).filter((value): value is number => value !== null);
  return {
    summaries,
    scale: createSequentialScale(fitHeatmapDomain(metric, values, chance), GRID_METRIC_DEFINITIONS[metric].better),
    sparklineDomain: buildSparklineDomain(sparklineValues(grid)),
  };
}

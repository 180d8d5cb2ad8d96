import type { RunStatus } from '@/graphql';

import { countEpochs } from './apply-sweep-events';
import { GRID_METRIC_DEFINITIONS, type GridMetric, type MetricRun } from './grid-metrics';

/** What a cell shows of its state: a run status in lower case, or `never-run` for a combination no run was asked for. */
export type CellState = Lowercase<RunStatus> | 'never-run';

/** What {@link aggregateRepeats} needs of each of a cell's runs. */
export interface RepeatRun extends MetricRun {
  status: RunStatus;
}

/** One cell's repeats folded into what the cell shows. */
export interface CellSummary {
  state: CellState;
  /** Runs per status; statuses with none are left out. */
  counts: Partial<Record<RunStatus, number>>;
  /** Runs of the cell (repeats asked for). */
  runs: number;
  /** The mean of the metric over the repeats that have a value; null when none has. */
  value: number | null;
  /** How many repeats the mean is over. */
  valueCount: number;
  /** Epochs stored over the cell's runs. */
  epochsDone: number;
  /** Epochs the cell's runs are planned to train: runs × planned epochs. */
  epochsPlanned: number;
}

/**
 * The order in which a mixed cell's state is chosen: work still to do first
 * (running, then queued), then the worst way a repeat ended, so one diverged
 * repeat among succeeded ones shows.
 */
const STATE_PRIORITY: readonly RunStatus[] = ['RUNNING', 'QUEUED', 'DIVERGED', 'FAILED', 'CANCELLED', 'SUCCEEDED'];

/**
 * Folds a cell's runs (one per repeat) into its state, run counts and the mean
 * of `metric` over its repeats. Diverged and failed runs stay out of the mean
 * (their last numbers are not results), and so do runs without an epoch;
 * running and cancelled runs count with their newest epoch.
 *
 * @param plannedEpochs - epochs each run of the sweep trains.
 */
export function aggregateRepeats(runs: readonly RepeatRun[], metric: GridMetric, plannedEpochs: number): CellSummary {
  const counts: Partial<Record<RunStatus, number>> = {};
  for (const run of runs) counts[run.status] = (counts[run.status] ?? 0) + 1;
  const top = STATE_PRIORITY.find((status) => (counts[status] ?? 0) > 0);
  const read = GRID_METRIC_DEFINITIONS[metric].read;
  const values = runs
    .filter((run) => run.status !== 'DIVERGED' && run.status !== 'FAILED')
    .map((run) => read(run))
    .filter((value): value is number => value !== null);
  return {
    state: top === undefined ? 'never-run' : (top.toLowerCase() as Lowercase<RunStatus>),
    counts,
    runs: runs.length,
    value: values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length,
    valueCount: values.length,
    epochsDone: runs.reduce((sum, run) => sum + countEpochs(run), 0),
    epochsPlanned: runs.length * plannedEpochs,
  };
}

import { summarizeSample } from '@sweepscope/conclusions';

import type { RunStatus } from '@/graphql';

import { countEpochs } from '../live/apply-sweep-events';
import { GRID_METRIC_DEFINITIONS, type GridMetric, type MetricRun } from './grid-metrics';

/** What a cell shows of its state: a run status in lower case, or `never-run` for a combination no run was asked for. */
export type CellState = Lowercase<RunStatus> | 'never-run';

/** What {@link aggregateRepeats} needs of each of a cell's runs. */
export interface RepeatRun extends MetricRun {
  status: RunStatus;
}

/** One cell's repeats folded into what the cell shows. */
export interface CellSummary {
  /** The status the cell shows (see {@link STATE_RANK}); null for a combination without runs. */
  status: RunStatus | null;
  /** {@link status} in lower case, as the cell's class and `data-state` name it. */
  state: CellState;
  /** Runs per status; statuses with none are left out. */
  counts: Partial<Record<RunStatus, number>>;
  /** Runs of the cell (repeats asked for). */
  runs: number;
  /** The mean of the metric over the repeats that have a value; null when none has. */
  value: number | null;
  /** How many repeats the mean is over. */
  valueCount: number;
  /** The sample standard deviation (n − 1) over those repeats; null with fewer than two. */
  spread: number | null;
  /** Epochs stored over the cell's runs. */
  epochsDone: number;
  /** Epochs the cell's runs are planned to train: runs × planned epochs. */
  epochsPlanned: number;
}

/**
 * The order in which a mixed cell's state is chosen, lowest first: work still
 * to do (running, then queued), then the worst way a repeat ended, so one
 * diverged repeat among succeeded ones shows, and a pruned or stopped-early
 * one shows that the cell did not train every epoch. A Record, so a status the
 * schema adds cannot be left unranked.
 */
const STATE_RANK: Record<RunStatus, number> = {
  RUNNING: 0,
  QUEUED: 1,
  DIVERGED: 2,
  FAILED: 3,
  CANCELLED: 4,
  PRUNED: 5,
  STOPPED_EARLY: 6,
  SUCCEEDED: 7,
};

/**
 * Runs whose numbers are no result: a failed or diverged run's last epoch is
 * broken, and a pruned run was ended for falling behind, so its partial
 * numbers beside finished repeats would pull the mean down (the API's
 * conclusions leave it out of every value too).
 */
const LEFT_OUT_OF_MEAN: ReadonlySet<RunStatus> = new Set(['DIVERGED', 'FAILED', 'PRUNED']);

function topStatus(runs: readonly RepeatRun[]): RunStatus | null {
  let top: RunStatus | null = null;
  for (const { status } of runs) if (top === null || STATE_RANK[status] < STATE_RANK[top]) top = status;
  return top;
}

/**
 * Folds a cell's runs (one per repeat) into its state, run counts and the mean
 * of `metric` over its repeats. Diverged, failed and pruned runs stay out of
 * the mean, and so do runs without an epoch; running, cancelled and
 * stopped-early runs count with their newest epoch.
 *
 * @param plannedEpochs - epochs each run of the sweep trains.
 */
export function aggregateRepeats(runs: readonly RepeatRun[], metric: GridMetric, plannedEpochs: number): CellSummary {
  const counts: Partial<Record<RunStatus, number>> = {};
  for (const run of runs) counts[run.status] = (counts[run.status] ?? 0) + 1;
  const top = topStatus(runs);
  const read = GRID_METRIC_DEFINITIONS[metric].read;
  const values = runs
    .filter((run) => !LEFT_OUT_OF_MEAN.has(run.status))
    .map((run) => read(run))
    .filter((value): value is number => value !== null);
  const sample = values.length === 0 ? null : summarizeSample(values);
  return {
    status: top,
    state: top === null ? 'never-run' : (top.toLowerCase() as Lowercase<RunStatus>),
    counts,
    runs: runs.length,
    value: sample?.mean ?? null,
    valueCount: values.length,
    spread: sample?.standardDeviation ?? null,
    epochsDone: runs.reduce((sum, run) => sum + countEpochs(run), 0),
    epochsPlanned: runs.length * plannedEpochs,
  };
}

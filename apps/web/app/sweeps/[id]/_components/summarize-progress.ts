import type { RunStatus } from '@/graphql';

/** A sweep's runs by status and its epochs, as the API's `SweepProgress` counts them. */
export interface ProgressSummary {
  runs: number;
  queued: number;
  running: number;
  succeeded: number;
  failed: number;
  diverged: number;
  cancelled: number;
  stoppedEarly: number;
  pruned: number;
  /** Epochs stored over every run's current attempt. */
  epochsDone: number;
  /** The planned epochs of each queued or running run, plus the epochs each ended run has. */
  epochsTotal: number;
  /** epochsDone / epochsTotal, 0–1; 0 for a sweep with nothing to train. */
  fraction: number;
}

/** What {@link summarizeProgress} needs of a run. */
export interface ProgressRun {
  status: RunStatus;
  /** Epochs stored for its current attempt. */
  epochsDone: number;
}

type StatusCount = Exclude<keyof ProgressSummary, 'runs' | 'epochsDone' | 'epochsTotal' | 'fraction'>;

// Spelled out because the API's field names are not the enum's (`stoppedEarly` for STOPPED_EARLY).
const COUNT_OF: Record<RunStatus, StatusCount> = {
  QUEUED: 'queued',
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  DIVERGED: 'diverged',
  CANCELLED: 'cancelled',
  STOPPED_EARLY: 'stoppedEarly',
  PRUNED: 'pruned',
};

/**
 * Counts a sweep's runs by status and its epochs done of all it will train, by
 * the API's `SweepProgress` rules, from the runs the page shows: the counts
 * then move with the cells as events land, not a read later. A run stopped
 * early or pruned has ended, so its total is the epochs it has, not those planned.
 *
 * @param plannedEpochs - epochs each run trains.
 */
export function summarizeProgress(runs: readonly ProgressRun[], plannedEpochs: number): ProgressSummary {
  const summary: ProgressSummary = {
    runs: 0,
    queued: 0,
    running: 0,
    succeeded: 0,
    failed: 0,
    diverged: 0,
    cancelled: 0,
    stoppedEarly: 0,
    pruned: 0,
    epochsDone: 0,
    epochsTotal: 0,
    fraction: 0,
  };
  for (const run of runs) {
    summary.runs += 1;
    summary[COUNT_OF[run.status]] += 1;
    summary.epochsDone += run.epochsDone;
    const pending = run.status === 'QUEUED' || run.status === 'RUNNING';
    summary.epochsTotal += pending ? Math.max(plannedEpochs, run.epochsDone) : run.epochsDone;
  }
  summary.fraction = summary.epochsTotal > 0 ? summary.epochsDone / summary.epochsTotal : 0;
  return summary;
}

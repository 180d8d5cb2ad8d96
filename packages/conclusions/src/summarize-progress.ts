import type { RunStatus } from '@sweepscope/core';

/** How far a sweep has got: its runs by status, and epochs done of all it will train. */
export interface SweepProgress {
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

/** What {@link summarizeProgress} reads of a run. */
export interface ProgressRun {
  status: RunStatus;
  /** Epochs stored for its current attempt. */
  epochsDone: number;
}

type StatusCount = Exclude<keyof SweepProgress, 'runs' | 'epochsDone' | 'epochsTotal' | 'fraction'>;

// The counts are named as the API names them (`stoppedEarly` for stopped_early).
const countOf: Record<RunStatus, StatusCount> = {
  queued: 'queued',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  diverged: 'diverged',
  cancelled: 'cancelled',
  stopped_early: 'stoppedEarly',
  pruned: 'pruned',
};

/**
 * Counts a sweep's runs by status, and its epochs done of all it will train. A run that has
 * ended trains no more: its epochs so far are all it adds (an imported run may bring only
 * its final epoch; a diverged, early-stopped or pruned one ends short), so a sweep whose
 * runs have all ended is complete. The API's `Sweep.progress` and the live sweep page, which
 * counts as events land, both use this.
 * @param plannedEpochs epochs each run trains
 */
export function summarizeProgress(runs: readonly ProgressRun[], plannedEpochs: number): SweepProgress {
  const progress: SweepProgress = {
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
    progress.runs += 1;
    progress[countOf[run.status]] += 1;
    progress.epochsDone += run.epochsDone;
    const pending = run.status === 'queued' || run.status === 'running';
    progress.epochsTotal += pending ? Math.max(plannedEpochs, run.epochsDone) : run.epochsDone;
  }
  progress.fraction = progress.epochsTotal > 0 ? progress.epochsDone / progress.epochsTotal : 0;
  return progress;
}

import type { RunStatus } from '@/graphql';

/** What {@link collectRecentDurations} needs of a run. */
export interface EtaRun {
  status: RunStatus;
  /** The current attempt's newest epoch; `durationMs` is null for an imported one. */
  latestEpoch: { durationMs: number | null } | null;
}

/**
 * The wall times, in milliseconds, that the estimate averages: the newest
 * timed epoch of every run training now, so the mean follows the machines as
 * they are (a slower batch size, a busier host) rather than the sweep's whole
 * history. With no run training, the newest epochs of the runs that ended,
 * which is as recent as the sweep has.
 */
export function collectRecentDurations(runs: readonly EtaRun[]): number[] {
  const newest = (run: EtaRun): number[] => {
    const ms = run.latestEpoch?.durationMs;
    return ms !== null && ms !== undefined && Number.isFinite(ms) && ms > 0 ? [ms] : [];
  };
  const running = runs.filter((run) => run.status === 'RUNNING').flatMap(newest);
  return running.length > 0 ? running : runs.flatMap(newest);
}

/** What {@link estimateEta} needs. */
export interface EstimateEtaOptions {
  /** Epochs stored over every run's current attempt. */
  epochsDone: number;
  /** Epochs the sweep will have in all (the API's `progress.epochsTotal`). */
  epochsTotal: number;
  /** Runs training now, which is how many epochs are in flight at once. */
  running: number;
  /** Recent epoch wall times in milliseconds ({@link collectRecentDurations}). */
  recentDurationsMs: readonly number[];
}

/**
 * Estimates how long the sweep has left, in milliseconds: remaining epochs ×
 * the recent mean epoch duration ÷ the runs training in parallel. It assumes
 * the worker pool stays as large as it is now and that the epochs left take as
 * long as the recent ones; the queue's other batch sizes may be faster or
 * slower, so it is a rough guide that sharpens as the sweep goes.
 *
 * @returns 0 when nothing is left; null when it cannot be told: no run is
 *   training (no worker, or all waiting) or no epoch has a wall time yet.
 */
export function estimateEta({ epochsDone, epochsTotal, running, recentDurationsMs }: EstimateEtaOptions): number | null {
  const remaining = Math.max(0, epochsTotal - epochsDone);
  if (remaining === 0) return 0;
  if (running <= 0 || recentDurationsMs.length === 0) return null;
  const mean = recentDurationsMs.reduce((sum, ms) => sum + ms, 0) / recentDurationsMs.length;
  return (remaining * mean) / running;
}

/**
 * Writes a duration for the ETA: `under a minute`, `about 12 min`,
 * `about 3 h 05 min`, `about 2 days 4 h`; `—` for null (unknown).
 */
export function formatEta(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms <= 0) return 'none';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `about ${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  const days = Math.floor(hours / 24);
  return `about ${days} ${days === 1 ? 'day' : 'days'} ${hours % 24} h`;
}

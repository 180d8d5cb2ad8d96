import type { RunStatus } from './run-status.js';

/** Where a sweep stands, in the order a sweep passes through them. */
export const sweepStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

/** A sweep's status, derived from its runs rather than stored, so it never goes stale. */
export type SweepStatus = (typeof sweepStatuses)[number];

/**
 * QUEUED until a run starts; RUNNING while any run is queued or running after that;
 * then FAILED if any run failed, CANCELLED if any was cancelled, else SUCCEEDED. A run
 * that diverged is a result, not a fault: a sweep looks for the learning rates too large
 * to train, and one that found some has done its job (the dashboard says "finished with
 * N diverged"). Runs stopped early or pruned ended as their sweep asked.
 */
export function deriveSweepStatus(runStatuses: readonly RunStatus[]): SweepStatus {
  if (runStatuses.every((status) => status === 'queued')) return 'queued';
  if (runStatuses.some((status) => status === 'queued' || status === 'running')) return 'running';
  if (runStatuses.some((status) => status === 'failed')) return 'failed';
  if (runStatuses.some((status) => status === 'cancelled')) return 'cancelled';
  return 'succeeded';
}

import type { RunStatus } from './run-status.js';

/** Where a sweep stands, in the order a sweep passes through them. */
export const sweepStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

/** A sweep's status, derived from its runs rather than stored, so it never goes stale. */
export type SweepStatus = (typeof sweepStatuses)[number];

/**
 * QUEUED until a run starts; RUNNING while any run is queued or running after that;
 * then FAILED if any run failed or diverged, CANCELLED if any was cancelled, else SUCCEEDED
 * (runs stopped early or pruned ended as their sweep asked).
 */
export function deriveSweepStatus(runStatuses: readonly RunStatus[]): SweepStatus {
  if (runStatuses.every((status) => status === 'queued')) return 'queued';
  if (runStatuses.some((status) => status === 'queued' || status === 'running')) return 'running';
  if (runStatuses.some((status) => status === 'failed' || status === 'diverged')) return 'failed';
  if (runStatuses.some((status) => status === 'cancelled')) return 'cancelled';
  return 'succeeded';
}

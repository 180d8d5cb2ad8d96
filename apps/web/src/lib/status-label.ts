import type { RunStatus, SweepStatus } from '@/graphql';

// A Record rather than lower-casing the enum, so a status the schema adds fails typechecking here until it has words.
const LABELS: Record<RunStatus | SweepStatus, string> = {
  QUEUED: 'queued',
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  DIVERGED: 'diverged',
  CANCELLED: 'cancelled',
  STOPPED_EARLY: 'stopped early',
  PRUNED: 'pruned',
};

/** A run's or sweep's status as people read it, e.g. `succeeded`, `stopped early`. */
export function statusLabel(status: RunStatus | SweepStatus): string {
  return LABELS[status];
}

import type { RunStatus, SweepStatus } from '@/graphql';

/**
 * A sweep's status from its runs' statuses, by the API's rule (`SweepStatus`):
 * QUEUED until a run starts; RUNNING while any run is queued or running after
 * that; then FAILED if any failed or diverged, CANCELLED if any was cancelled,
 * else SUCCEEDED: a run stopped early or pruned ended as its sweep asked, so it
 * makes no sweep fail. The page derives it from the runs it shows, so the
 * header moves with the cells rather than a read later.
 */
export function deriveSweepStatus(statuses: readonly RunStatus[]): SweepStatus {
  if (statuses.every((status) => status === 'QUEUED')) return 'QUEUED';
  if (statuses.some((status) => status === 'QUEUED' || status === 'RUNNING')) return 'RUNNING';
  if (statuses.some((status) => status === 'FAILED' || status === 'DIVERGED')) return 'FAILED';
  if (statuses.some((status) => status === 'CANCELLED')) return 'CANCELLED';
  return 'SUCCEEDED';
}

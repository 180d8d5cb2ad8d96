import type { Holds, IsSame, RunStatus as CoreRunStatus, SweepStatus as CoreSweepStatus } from '@sweepscope/core';
import { registerEnumType } from 'type-graphql';

/** Where a run stands. Values match the database's `RunStatus` enum, names are GraphQL-style. */
export enum RunStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
  DIVERGED = 'diverged',
  CANCELLED = 'cancelled',
  STOPPED_EARLY = 'stopped_early',
  PRUNED = 'pruned',
}
/** Compiles only while the API's run statuses are core's. */
export type RunStatusesMatch = Holds<IsSame<`${RunStatus}`, CoreRunStatus>>;
registerEnumType(RunStatus, {
  name: 'RunStatus',
  description:
    "Where a run stands. STOPPED_EARLY: early stopping ended it (its validation loss stopped improving); PRUNED: the sweep's pruner ended it (it fell behind the completed runs).",
});

/** Where a sweep stands, derived from its runs. */
export enum SweepStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
  CANCELLED = 'cancelled',
}
/** Compiles only while the API's sweep statuses are core's. */
export type SweepStatusesMatch = Holds<IsSame<`${SweepStatus}`, CoreSweepStatus>>;
registerEnumType(SweepStatus, {
  name: 'SweepStatus',
  description:
    'Derived from the runs: QUEUED until one starts, RUNNING while any is queued or running, then FAILED if any failed, CANCELLED if any was cancelled, else SUCCEEDED. A diverged run is a result (a learning rate too large to train), not a failure; runs stopped early or pruned ended as asked.',
});

import {
  cancellableRunStatuses,
  deriveSweepStatus as deriveStatus,
  retryableRunStatuses,
  type Holds,
  type IsSame,
  type RunStatus as CoreRunStatus,
  type SweepStatus as CoreSweepStatus,
} from '@sweepscope/core';
import type { RunStatus, SweepStatus } from './schema-types';

// The API spells core's statuses in GraphQL's case (`stopped_early` is STOPPED_EARLY). These
// fail to compile when the schema and core drift apart.
export type RunStatusesMatch = Holds<IsSame<Lowercase<RunStatus>, CoreRunStatus>>;
export type SweepStatusesMatch = Holds<IsSame<Lowercase<SweepStatus>, CoreSweepStatus>>;

const apiRunStatus = (status: CoreRunStatus): RunStatus => status.toUpperCase() as RunStatus;

/** A run status as core spells it, for the rules the web shares with the API (`STOPPED_EARLY` is `stopped_early`). */
export function toCoreRunStatus(status: RunStatus): CoreRunStatus {
  return status.toLowerCase() as CoreRunStatus;
}

/** The statuses a person can cancel a run from, by the API's rule (it answers CONFLICT otherwise). */
export const CANCELLABLE_RUN_STATUSES: readonly RunStatus[] = cancellableRunStatuses.map(apiRunStatus);

/** The statuses a person can retry a run from, by the API's rule: not one stopped early or pruned. */
export const RETRYABLE_RUN_STATUSES: readonly RunStatus[] = retryableRunStatuses.map(apiRunStatus);

/**
 * A sweep's status from its runs' statuses, by core's rule, the one the API applies. The
 * page derives it from the runs it shows, so the header moves with the cells rather than
 * a read later.
 */
export function deriveSweepStatus(statuses: readonly RunStatus[]): SweepStatus {
  return deriveStatus(statuses.map(toCoreRunStatus)).toUpperCase() as SweepStatus;
}

import type { FanOutResult } from './fleet-protocol.js';
import type { WriteEpochsResult } from './write-epochs.js';

/** The targets the bench checks against: the baseline column, since these benchmarks are new. */
export const targets = {
  /** p99 of the dashboard's grid query, ms. */
  gridP99Ms: 100,
  /** p50 and p99 of one run's epochs, ms. */
  runEpochsMs: 20,
  /** p99 of commit → delivery to every subscriber, ms. */
  deliveryP99Ms: 250,
  /** How far the median delivery may climb from a step's first fifth of events to its last, ms. */
  backlogGrowthMs: 50,
} as const;

/**
 * Whether delivery kept up with a step's writes: p99 under target, every (event, subscriber)
 * pair delivered, no failed write, and no backlog building up over the step.
 */
export function judgeStep(writes: WriteEpochsResult, fanOut: FanOutResult): boolean {
  return (
    fanOut.latency.p99 < targets.deliveryP99Ms &&
    fanOut.delivered === fanOut.events * fanOut.subscribers &&
    writes.errors === 0 &&
    fanOut.lateP50 - fanOut.earlyP50 <= targets.backlogGrowthMs
  );
}

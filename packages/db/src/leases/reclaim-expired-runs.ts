import type { PrismaClient } from '../generated/prisma/client.js';
import { freeStrandedJobs } from './free-stranded-jobs.js';
import { resolveLeaseSettings, type LeaseSettings } from './lease-settings.js';
import { reclaimRun, type LostRun, type ReclaimedRun } from './reclaim-run.js';

/** What {@link reclaimExpiredRuns} did. */
export interface ReclaimResult {
  /** The running runs taken back from their workers. */
  runs: ReclaimedRun[];
  /** Queued runs that had no job a worker could take (see {@link freeStrandedJobs}), now given one. */
  strandedJobs: number[];
}

/**
 * Takes back every running run whose lease has run out — its worker died, is paused, or is
 * cut off from the database — and queues it to resume from its checkpoint (see
 * {@link reclaimRun}), and gives a new job to queued runs whose job a lost worker took
 * without starting them, or that ran out of attempts (see {@link freeStrandedJobs}). Safe to call from any number
 * of processes at once: a run one of them is taking back, or whose worker is writing to it
 * right now, is skipped.
 * @param settings @default the environment's lease settings
 */
export async function reclaimExpiredRuns(
  prisma: PrismaClient,
  settings: Pick<LeaseSettings, 'leaseMs' | 'maxCrashes'> = resolveLeaseSettings(),
): Promise<ReclaimResult> {
  return prisma.$transaction(async (tx) => {
    const lost = await tx.$queryRaw<(LostRun & { leaseExpiresAt: Date })[]>`
      SELECT id, "sweepId", attempt, worker, "heartbeatAt", "leaseExpiresAt" FROM "Run"
      WHERE status = 'running' AND "leaseExpiresAt" < timezone('UTC', now())
      ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`;
    const reclaimed: ReclaimedRun[] = [];
    for (const run of lost) {
      const since = run.heartbeatAt === null ? '' : ` since ${run.heartbeatAt.toISOString()}`;
      const reason = `${run.worker ?? 'its worker'} stopped answering: no heartbeat${since}, and its lease ran out at ${run.leaseExpiresAt.toISOString()}`;
      reclaimed.push(await reclaimRun(tx, run, reason, settings.maxCrashes));
    }
    return { runs: reclaimed, strandedJobs: await freeStrandedJobs(tx, settings.leaseMs) };
  });
}

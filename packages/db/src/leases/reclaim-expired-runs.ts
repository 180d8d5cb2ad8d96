import type { PrismaClient } from '../generated/prisma/client.js';
import { resolveLeaseSettings } from './lease-settings.js';
import { reclaimRun, type LostRun, type ReclaimedRun } from './reclaim-run.js';

/**
 * Takes back every running run whose lease has run out — its worker died, is paused, or is
 * cut off from the database — and queues it to resume from its checkpoint (see
 * {@link reclaimRun}). Safe to call from any number of processes at once: a run one of them
 * is taking back, or whose worker is writing to it right now, is skipped.
 * @param maxCrashes @default the lease settings' (3)
 * @returns the runs taken back
 */
export async function reclaimExpiredRuns(prisma: PrismaClient, maxCrashes = resolveLeaseSettings().maxCrashes): Promise<ReclaimedRun[]> {
  return prisma.$transaction(async (tx) => {
    const lost = await tx.$queryRaw<(LostRun & { leaseExpiresAt: Date })[]>`
      SELECT id, "sweepId", attempt, worker, "heartbeatAt", "leaseExpiresAt" FROM "Run"
      WHERE status = 'running' AND "leaseExpiresAt" < timezone('UTC', now())
      ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`;
    const reclaimed: ReclaimedRun[] = [];
    for (const run of lost) {
      const since = run.heartbeatAt === null ? '' : ` since ${run.heartbeatAt.toISOString()}`;
      const reason = `${run.worker ?? 'its worker'} stopped answering: no heartbeat${since}, and its lease ran out at ${run.leaseExpiresAt.toISOString()}`;
      reclaimed.push(await reclaimRun(tx, run, reason, maxCrashes));
    }
    return reclaimed;
  });
}

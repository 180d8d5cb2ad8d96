import type { PrismaClient } from '../generated/prisma/client.js';
import { resolveLeaseSettings } from './lease-settings.js';
import { reclaimRun, type LostRun, type ReclaimedRun } from './reclaim-run.js';

/**
 * Takes back at once the runs of a worker known to be dead — a pool saw its process exit —
 * without waiting for their leases to run out, and queues each to resume from its checkpoint
 * (see {@link reclaimRun}).
 * @param worker the name the worker stored on its runs (`host:pid`)
 * @param reason how it died, in words
 * @param maxCrashes @default the lease settings' (3)
 * @returns the runs taken back
 */
export async function reclaimWorkerRuns(
  prisma: PrismaClient,
  worker: string,
  reason: string,
  maxCrashes = resolveLeaseSettings().maxCrashes,
): Promise<ReclaimedRun[]> {
  return prisma.$transaction(async (tx) => {
    const lost = await tx.$queryRaw<LostRun[]>`
      SELECT id, "sweepId", attempt, worker, "heartbeatAt" FROM "Run"
      WHERE status = 'running' AND worker = ${worker} ORDER BY id FOR UPDATE`;
    const reclaimed: ReclaimedRun[] = [];
    for (const run of lost) reclaimed.push(await reclaimRun(tx, run, reason, maxCrashes));
    return reclaimed;
  });
}

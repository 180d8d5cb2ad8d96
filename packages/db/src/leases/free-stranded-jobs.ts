import type { Prisma } from '../generated/prisma/client.js';
import { enqueueRun } from '../queue/enqueue-run.js';

/**
 * Frees the queue jobs of queued runs that a worker took from the queue but never started:
 * it died (or froze) between locking the job and claiming the run, which takes it
 * milliseconds, so a job locked for a whole lease with its run still queued belongs to a
 * lost worker. Without this, graphile-worker would keep the job locked for 4 hours and
 * nobody would train the run. The job is replaced by a new one, as in `reclaimRun`.
 * @param leaseMs how long a job may stay locked with its run unclaimed, in ms
 * @returns the ids of the runs whose jobs were freed
 */
export async function freeStrandedJobs(tx: Prisma.TransactionClient, leaseMs: number): Promise<number[]> {
  const stranded = await tx.$queryRaw<{ id: number; sweepId: number; lockedBy: string }[]>`
    SELECT r.id, r."sweepId", j.locked_by AS "lockedBy" FROM "Run" r
    JOIN graphile_worker.jobs j ON j.key = 'run:' || r.id
    WHERE r.status = 'queued' AND j.locked_at < now() - ${leaseMs} * interval '1 millisecond'
    ORDER BY r.id LIMIT 100 FOR UPDATE OF r SKIP LOCKED`;
  for (const run of stranded) {
    await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(ARRAY[${run.lockedBy}])`;
    await tx.$executeRaw`SELECT graphile_worker.remove_job(${`run:${run.id}`})`;
    await enqueueRun(tx, run);
  }
  return stranded.map((run) => run.id);
}

import type { Prisma } from '../generated/prisma/client.js';
import { enqueueRun } from '../queue/enqueue-run.js';
import { freeJob } from '../queue/free-job.js';

/**
 * Gives every queued run a job a worker can take. Two ways a queued run can lose it:
 * - a worker took the job (graphile-worker locks it) and died or froze before claiming the
 *   run, which takes it milliseconds: its job stays locked for graphile-worker's 4 hours.
 *   A job locked for a whole lease with its run still queued is taken from that worker;
 * - the job ran out of attempts, each failing to claim the run (the database away for
 *   long), or is gone.
 * Either way its job is freed (`freeJob`) and it gets a new one.
 * @param leaseMs how long a job may stay locked with its run unclaimed, in ms
 * @returns the ids of the runs given a new job
 */
export async function freeStrandedJobs(tx: Prisma.TransactionClient, leaseMs: number): Promise<number[]> {
  const stranded = await tx.$queryRaw<{ id: number; sweepId: number }[]>`
    SELECT r.id, r."sweepId" FROM "Run" r
    LEFT JOIN graphile_worker.jobs j ON j.key = 'run:' || r.id
    WHERE r.status = 'queued'
      AND (j.id IS NULL OR j.attempts >= j.max_attempts OR j.locked_at < now() - ${leaseMs} * interval '1 millisecond')
    ORDER BY r.id LIMIT 100 FOR UPDATE OF r SKIP LOCKED`;
  for (const run of stranded) {
    await freeJob(tx, run.id);
    await enqueueRun(tx, run);
  }
  return stranded.map((run) => run.id);
}

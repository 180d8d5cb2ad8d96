import type { Prisma } from '../generated/prisma/client.js';

/**
 * Takes a run's job off the queue even while a lost worker holds it: graphile-worker keeps a
 * job locked by a dead worker for 4 hours, so that worker's locks are released first
 * (`force_unlock_workers`), then the job removed. A new job (`enqueueRun`) gets a new id,
 * which the lost worker's late completion, deleting by id, cannot touch.
 */
export async function freeJob(tx: Prisma.TransactionClient, runId: number): Promise<void> {
  const key = `run:${runId}`;
  await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(ARRAY(
    SELECT locked_by FROM graphile_worker.jobs WHERE key = ${key} AND locked_by IS NOT NULL))`;
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${key})`;
}

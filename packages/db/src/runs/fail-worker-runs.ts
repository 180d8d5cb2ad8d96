import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';

/**
 * Fails every run a worker was training when that worker died (a crashed or killed
 * process cannot record its own failure), with the error given, takes their jobs off the
 * queue so they are not tried again when the dead worker's lock expires, and tells
 * listeners. Runs of other workers are left alone.
 * @param worker the name the worker stored on its runs (`host:pid`)
 * @returns the ids of the runs failed
 */
export async function failWorkerRuns(prisma: PrismaClient, worker: string, error: string): Promise<number[]> {
  return prisma.$transaction(async (tx) => {
    const runs = await tx.run.findMany({ where: { worker, status: 'running' }, select: { id: true, sweepId: true }, orderBy: { id: 'asc' } });
    if (runs.length === 0) return [];
    await tx.run.updateMany({ where: { id: { in: runs.map((run) => run.id) } }, data: { status: 'failed', finishedAt: new Date(), error } });
    // remove_job deletes a waiting job, and keeps a locked one from being tried again.
    for (const run of runs) await tx.$executeRaw`SELECT graphile_worker.remove_job(${`run:${run.id}`})`;
    for (const run of runs) await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId: run.id, status: 'failed' });
    return runs.map((run) => run.id);
  });
}

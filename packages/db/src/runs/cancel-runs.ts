import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';

/**
 * Cancels every run of a sweep that has not ended: takes the queued ones off the queue and
 * marks them, and the running ones, `cancelled`. A worker still training one sees the
 * status when it next stores an epoch and stops.
 * @returns the ids of the runs cancelled
 */
export async function cancelRuns(prisma: PrismaClient, sweepId: number): Promise<number[]> {
  return prisma.$transaction(async (tx) => {
    const runs = await tx.run.findMany({
      where: { sweepId, status: { in: ['queued', 'running'] } },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    const ids = runs.map((run) => run.id);
    if (ids.length === 0) return ids;
    await tx.run.updateMany({ where: { id: { in: ids } }, data: { status: 'cancelled', finishedAt: new Date() } });
    // remove_job deletes a waiting job, and keeps a locked one from being tried again.
    for (const id of ids) await tx.$executeRaw`SELECT graphile_worker.remove_job(${`run:${id}`})`;
    for (const id of ids) await publishEvent(tx, 'run:updated', { sweepId, runId: id, status: 'cancelled' });
    return ids;
  });
}

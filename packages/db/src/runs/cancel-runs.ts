import { cancellableRunStatuses, ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';

/**
 * Cancels every run of a sweep that has not ended: takes the queued ones off the queue and
 * marks them, and the running ones, `cancelled`. Their leases end: a worker still
 * training one stops at its next heartbeat, and its writes are refused.
 * @returns the ids of the runs cancelled (none when every run had ended)
 * @throws {SweepscopeError} NOT_FOUND for an unknown sweep; CONFLICT for a read-only one
 */
export async function cancelRuns(prisma: PrismaClient, sweepId: number): Promise<number[]> {
  return prisma.$transaction(async (tx) => {
    const sweep = await tx.sweep.findUnique({ where: { id: sweepId }, select: { name: true, readOnly: true } });
    if (!sweep) throw new SweepscopeError(ErrorCode.NotFound, `Sweep ${sweepId} does not exist: check the id (the sweeps query lists them).`);
    if (sweep.readOnly) throw new SweepscopeError(ErrorCode.Conflict, `Sweep ${sweepId} ("${sweep.name}") is read-only: it has nothing to cancel.`);
    const runs = await tx.run.findMany({
      where: { sweepId, status: { in: [...cancellableRunStatuses] } },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    const ids = runs.map((run) => run.id);
    if (ids.length === 0) return ids;
    await tx.run.updateMany({ where: { id: { in: ids } }, data: { status: 'cancelled', finishedAt: new Date(), leaseToken: null, leaseExpiresAt: null } });
    // remove_job deletes a waiting job, and keeps a locked one from being tried again.
    for (const id of ids) await tx.$executeRaw`SELECT graphile_worker.remove_job(${`run:${id}`})`;
    for (const id of ids) await publishEvent(tx, 'run:updated', { sweepId, runId: id, status: 'cancelled' });
    return ids;
  });
}

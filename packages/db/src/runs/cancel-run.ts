import { cancellableRunStatuses, ErrorCode, SweepscopeError, type RunStatus } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import { findRunForChange } from './find-run-for-change.js';

/**
 * Cancels one run that has not ended: a queued one leaves the queue, a running one is
 * marked `cancelled`, its lease ends, and its worker stops at its next heartbeat: its writes are refused from now on.
 * @returns the run as stored after the change
 * @throws {SweepscopeError} NOT_FOUND for an unknown run; CONFLICT when it has already
 *   ended or its sweep is read-only
 */
export async function cancelRun(prisma: PrismaClient, runId: number) {
  return prisma.$transaction(async (tx) => {
    const run = await findRunForChange(tx, runId, 'cancel');
    if (!(cancellableRunStatuses as readonly RunStatus[]).includes(run.status)) {
      throw new SweepscopeError(
        ErrorCode.Conflict,
        `Run ${runId} is ${run.status}: only a queued or running run can be cancelled (retryRun queues an ended one again).`,
      );
    }
    const cancelled = await tx.run.update({
      where: { id: runId },
      data: { status: 'cancelled', finishedAt: new Date(), leaseToken: null, leaseExpiresAt: null },
    });
    // remove_job deletes a waiting job, and keeps a locked one from being tried again.
    await tx.$executeRaw`SELECT graphile_worker.remove_job(${`run:${runId}`})`;
    await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId, status: cancelled.status });
    return cancelled;
  });
}

import type { PrismaClient } from '../generated/prisma/client.js';
import type { RunStatus } from '../generated/prisma/enums.js';
import { ErrorCode, SweepscopeError } from '../errors/index.js';
import { publishEvent } from '../events/publish-event.js';
import { enqueueRun } from '../queue/enqueue-run.js';
import { findRunForChange } from './find-run-for-change.js';

const retryable: readonly RunStatus[] = ['failed', 'diverged', 'cancelled'];

/**
 * Queues a failed, diverged or cancelled run again as its next attempt. It trains from the
 * start (its checkpoint is dropped); the earlier attempt's epochs stay, under their attempt.
 * @returns the run as stored after the change
 * @throws {SweepscopeError} NOT_FOUND for an unknown run; CONFLICT when it is queued,
 *   running or succeeded, or its sweep is read-only
 */
export async function retryRun(prisma: PrismaClient, runId: number) {
  return prisma.$transaction(async (tx) => {
    const run = await findRunForChange(tx, runId, 'be retried');
    if (!retryable.includes(run.status)) {
      throw new SweepscopeError(
        ErrorCode.Conflict,
        `Run ${runId} is ${run.status}: only a failed, diverged or cancelled run can be retried.`,
      );
    }
    await tx.checkpoint.deleteMany({ where: { runId } });
    const queued = await tx.run.update({
      where: { id: runId },
      data: {
        status: 'queued',
        attempt: { increment: 1 },
        worker: null,
        heartbeatAt: null,
        startedAt: null,
        finishedAt: null,
        error: null,
      },
    });
    await enqueueRun(tx, queued);
    await publishEvent(tx, 'run:updated', { sweepId: queued.sweepId, runId, status: queued.status });
    return queued;
  });
}

import { ErrorCode, retryableRunStatuses, SweepscopeError, type RunStatus } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import { recordInterruption } from '../leases/record-interruption.js';
import { enqueueRun } from '../queue/enqueue-run.js';
import { findRunForChange } from './find-run-for-change.js';

/** Options of {@link retryRun}. */
export interface RetryRunOptions {
  /**
   * Train again from epoch 1 as the run's next attempt, dropping its checkpoint (the earlier
   * attempt's epochs stay readable under their attempt), instead of resuming.
   * @default false: resume from the last checkpoint on the same attempt, keeping its epochs
   */
  fromScratch?: boolean;
}

/**
 * Queues a failed, diverged or cancelled run again. By default it resumes from its last
 * checkpoint on the same attempt, and the retry is kept among the run's interruptions; with
 * `fromScratch` it starts its next attempt from epoch 1.
 * @returns the run as stored after the change, with the epoch it resumes after (0 when it
 *   starts from epoch 1)
 * @throws {SweepscopeError} NOT_FOUND for an unknown run; CONFLICT when it is queued,
 *   running or succeeded, or its sweep is read-only
 */
export async function retryRun(prisma: PrismaClient, runId: number, options: RetryRunOptions = {}) {
  return prisma.$transaction(async (tx) => {
    const run = await findRunForChange(tx, runId, 'be retried');
    if (!(retryableRunStatuses as readonly RunStatus[]).includes(run.status)) {
      throw new SweepscopeError(ErrorCode.Conflict, `Run ${runId} is ${run.status}: only a failed, diverged or cancelled run can be retried.`);
    }
    let resumesAfterEpoch = 0;
    if (options.fromScratch) await tx.checkpoint.deleteMany({ where: { runId } });
    else
      resumesAfterEpoch = await recordInterruption(
        tx,
        run,
        'retried',
        `retried after it ${run.status === 'cancelled' ? 'was cancelled' : run.status}, keeping its epochs`,
      );
    const queued = await tx.run.update({
      where: { id: runId },
      data: {
        status: 'queued',
        ...(options.fromScratch ? { attempt: { increment: 1 }, startedAt: null } : {}),
        worker: null,
        heartbeatAt: null,
        finishedAt: null,
        error: null,
        divergenceRule: null,
        divergenceEpoch: null,
        divergenceBatch: null,
        divergenceLoss: null,
      },
    });
    await enqueueRun(tx, queued);
    await publishEvent(tx, 'run:updated', { sweepId: queued.sweepId, runId, status: queued.status });
    return { ...queued, resumesAfterEpoch };
  });
}

import type { Prisma } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import { enqueueRun } from '../queue/enqueue-run.js';
import { freeJob } from '../queue/free-job.js';
import { recordInterruption, type InterruptedRun } from './record-interruption.js';

/** A running run whose worker is gone, its row locked by the caller's transaction. */
export interface LostRun extends InterruptedRun {
  sweepId: number;
}

/** What became of a run taken back from its worker. */
export interface ReclaimedRun {
  runId: number;
  sweepId: number;
  /** `queued` to resume from its checkpoint, or `failed` when it lost its worker too often in one epoch. */
  status: 'queued' | 'failed';
  /** Epochs stored when it was taken back; at most the one after them was lost. */
  epochsDone: number;
  /** The worker it was taken from. */
  worker: string | null;
  reason: string;
}

/**
 * Takes a run back from a worker that is gone or no longer answering, inside the caller's
 * transaction: ends the lease (so the old worker's writes are refused from now on), keeps the
 * interruption, and frees the run's queue job (`freeJob`) for a new one. The run is
 * queued to resume from its checkpoint on the same attempt, unless this is the
 * `maxCrashes`-th time in a row it lost its worker in the same epoch: then it fails with why.
 * @param reason how the worker was lost, in words
 */
export async function reclaimRun(tx: Prisma.TransactionClient, run: LostRun, reason: string, maxCrashes: number): Promise<ReclaimedRun> {
  const earlier = await tx.runInterruption.findMany({
    where: { runId: run.id },
    orderBy: { id: 'desc' },
    take: maxCrashes,
    select: { kind: true, attempt: true, epochsDone: true },
  });
  const epochsDone = await recordInterruption(tx, run, 'reclaimed', reason);
  const sameEpoch = (entry: (typeof earlier)[number]): boolean =>
    entry.kind === 'reclaimed' && entry.attempt === run.attempt && entry.epochsDone === epochsDone;
  const firstOther = earlier.findIndex((entry) => !sameEpoch(entry));
  const crashes = 1 + (firstOther === -1 ? earlier.length : firstOther);

  await freeJob(tx, run.id);

  const base = { runId: run.id, sweepId: run.sweepId, epochsDone, worker: run.worker, reason };
  if (crashes >= maxCrashes) {
    const error =
      `Its worker was lost ${crashes} times in a row in epoch ${epochsDone + 1}, the last time because ${reason}. ` +
      'Something in this run may be killing its worker (out of memory?): retry it with a smaller batch size, α or input size, or on a machine with more memory.';
    await tx.run.update({ where: { id: run.id }, data: { status: 'failed', error, finishedAt: new Date(), leaseToken: null, leaseExpiresAt: null } });
    await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId: run.id, status: 'failed' });
    return { ...base, status: 'failed' };
  }
  await tx.run.update({ where: { id: run.id }, data: { status: 'queued', worker: null, leaseToken: null, leaseExpiresAt: null } });
  await enqueueRun(tx, { id: run.id, sweepId: run.sweepId });
  await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId: run.id, status: 'queued' });
  return { ...base, status: 'queued' };
}

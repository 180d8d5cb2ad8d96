import type { FinalRunStatus } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import { holdLease } from '../leases/hold-lease.js';
import { recordInterruption } from '../leases/record-interruption.js';
import type { RunLease } from '../leases/run-lease.js';
import { enqueueRun } from '../queue/enqueue-run.js';

/** Where and how a run diverged: the rule that fired, the epoch, its batch (0: validation), and the loss. */
export interface DivergencePoint {
  rule: string;
  epoch: number;
  batch: number;
  loss: number;
}

/**
 * Records how a run ended, ends its lease and tells listeners, if its worker still holds it.
 * @param error why it ended: the error of a failed run, where a diverged one diverged, what
 *   stopped one early or pruned it
 * @param divergence where a diverged run blew up, stored in columns of their own; a loss
 *   that is not a finite number is stored as null (the rule says what it was)
 * @throws {SweepscopeError} LEASE_LOST when the run was cancelled meanwhile (it stays
 *   cancelled) or taken over; nothing is written
 */
export async function finishRun(prisma: PrismaClient, lease: RunLease, status: FinalRunStatus, error?: string, divergence?: DivergencePoint): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { sweepId } = await holdLease(tx, lease);
    await tx.run.update({
      where: { id: lease.runId },
      data: {
        status,
        finishedAt: new Date(),
        error: error ?? null,
        divergenceRule: divergence?.rule ?? null,
        divergenceEpoch: divergence?.epoch ?? null,
        divergenceBatch: divergence?.batch ?? null,
        divergenceLoss: divergence && Number.isFinite(divergence.loss) ? divergence.loss : null,
        leaseToken: null,
        leaseExpiresAt: null,
      },
    });
    await publishEvent(tx, 'run:updated', { sweepId, runId: lease.runId, status });
  });
}

/**
 * Puts a run that a stopping worker gives up back in the queue for another worker, which
 * resumes it from its last checkpoint on the same attempt. Its stored epochs stay, and the
 * hand-over is kept among the run's interruptions.
 * @param reason why the worker stopped, in words
 * @throws {SweepscopeError} LEASE_LOST when the run was cancelled meanwhile (it stays
 *   cancelled) or taken over; nothing is written
 */
export async function releaseRun(prisma: PrismaClient, lease: RunLease, reason: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await holdLease(tx, lease);
    const run = await tx.run.findUniqueOrThrow({ where: { id: lease.runId } });
    await recordInterruption(tx, run, 'released', reason);
    await tx.run.update({ where: { id: run.id }, data: { status: 'queued', worker: null, leaseToken: null, leaseExpiresAt: null } });
    await enqueueRun(tx, run);
    await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId: run.id, status: 'queued' });
  });
}

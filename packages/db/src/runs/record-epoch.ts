import type { EpochMetrics } from '@sweepscope/core';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import { holdLease } from '../leases/hold-lease.js';
import type { RunLease } from '../leases/run-lease.js';
import type { RunCheckpoint } from './read-checkpoint.js';

/**
 * Stores an epoch, with the checkpoint it ends on, and announces it, in one transaction:
 * listeners hear of it only once it is stored, and the checkpoint kept is always that of the
 * newest stored epoch. The write is fenced: it goes through only while `lease` still holds
 * the run, checked in the same transaction, so a worker that lost the run (paused, cut off,
 * reclaimed) cannot write over its successor. The epoch belongs to the run's current attempt.
 * Writing the same epoch again (a retried write) replaces it rather than adding a second point.
 * @param checkpoint the state after this epoch; it replaces the run's previous one
 * @returns the stored row
 * @throws {SweepscopeError} LEASE_LOST when the run was cancelled, ended or taken over; nothing is written
 */
export async function recordEpoch(prisma: PrismaClient, lease: RunLease, metrics: EpochMetrics, checkpoint?: Omit<RunCheckpoint, 'epoch'>) {
  const { runId } = lease;
  return prisma.$transaction(async (tx) => {
    const run = await holdLease(tx, lease);
    const values = { ...metrics, durationMs: Math.round(metrics.durationMs) };
    if (checkpoint !== undefined) {
      const saved = {
        epoch: metrics.epoch,
        weights: Uint8Array.from(checkpoint.weights),
        state: checkpoint.state as Prisma.InputJsonValue,
        updatedAt: new Date(),
      };
      // Only the key back: the weights are megabytes, and a write should not send them back
      // while it holds the run's row.
      await tx.checkpoint.upsert({ where: { runId }, create: { runId, ...saved }, update: saved, select: { runId: true } });
    }
    const row = await tx.epoch.upsert({
      where: { runId_attempt_epoch: { runId, attempt: run.attempt, epoch: metrics.epoch } },
      create: { runId, attempt: run.attempt, ...values },
      update: values,
    });
    const { id, createdAt: _createdAt, ...stored } = row;
    await publishEvent(tx, 'epoch:added', { ...stored, sweepId: run.sweepId, epochId: id });
    return row;
  });
}

import type { Epoch, Prisma, PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import type { RunCheckpoint } from './read-checkpoint.js';

/** Metrics of one finished epoch: the columns of an Epoch row that training produces. */
export type EpochMetrics = Pick<Epoch, 'epoch' | 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy'> & {
  /** Wall time of the epoch, training plus validation, in milliseconds. */
  durationMs: number;
  /** Training images per second over the epoch. */
  imagesPerSecond: number;
};

/**
 * Stores an epoch, with the checkpoint it ends on, and announces it, in one transaction:
 * listeners hear of it only once it is stored, and the checkpoint kept is always that of the
 * newest stored epoch. The epoch belongs to the run's current attempt. Writing the same
 * epoch again (a retried write, a resumed run) replaces it rather than adding a second point.
 * @param checkpoint the state after this epoch; it replaces the run's previous one
 * @returns the stored row, and the run's status as stored (a person may have cancelled it)
 */
export async function recordEpoch(
  prisma: PrismaClient,
  runId: number,
  metrics: EpochMetrics,
  checkpoint?: Omit<RunCheckpoint, 'epoch'>,
) {
  return prisma.$transaction(async (tx) => {
    const values = { ...metrics, durationMs: Math.round(metrics.durationMs) };
    if (checkpoint !== undefined) {
      const saved = {
        epoch: metrics.epoch,
        weights: Uint8Array.from(checkpoint.weights),
        state: checkpoint.state as Prisma.InputJsonValue,
        updatedAt: new Date(),
      };
      await tx.checkpoint.upsert({ where: { runId }, create: { runId, ...saved }, update: saved });
    }
    const run = await tx.run.update({
      where: { id: runId },
      data: { heartbeatAt: new Date() },
      select: { status: true, attempt: true, sweepId: true },
    });
    const row = await tx.epoch.upsert({
      where: { runId_attempt_epoch: { runId, attempt: run.attempt, epoch: metrics.epoch } },
      create: { runId, attempt: run.attempt, ...values },
      update: values,
    });
    const { id, createdAt: _createdAt, ...stored } = row;
    await publishEvent(tx, 'epoch:added', { ...stored, sweepId: run.sweepId, epochId: id });
    return { ...row, runStatus: run.status };
  });
}

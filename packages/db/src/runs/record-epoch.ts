import type { Epoch, Prisma, PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import type { RunCheckpoint } from './read-checkpoint.js';

/** Metrics of one finished epoch: the columns of an Epoch row that training produces. */
export type EpochMetrics = Pick<Epoch, 'epoch' | 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy' | 'durationMs' | 'imagesPerSecond'>;

/**
 * Stores an epoch, with the checkpoint it ends on, and announces it, in one transaction:
 * listeners hear of it only once it is stored, and the checkpoint kept is always that of the
 * newest stored epoch. Writing the same epoch again (a retried write, a resumed run)
 * replaces it rather than adding a second point.
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
    const row = await tx.epoch.upsert({
      where: { runId_epoch: { runId, epoch: metrics.epoch } },
      create: { runId, ...values },
      update: values,
      include: { run: { select: { sweepId: true } } },
    });
    const { status } = await tx.run.update({ where: { id: runId }, data: { heartbeatAt: new Date() }, select: { status: true } });
    const { run, id, createdAt: _createdAt, ...stored } = row;
    await publishEvent(tx, 'epoch:added', { ...stored, sweepId: run.sweepId, epochId: id });
    return { ...row, runStatus: status };
  });
}

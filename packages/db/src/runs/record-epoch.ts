import type { Epoch, PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';

/** Metrics of one finished epoch: the columns of an Epoch row that training produces. */
export type EpochMetrics = Pick<Epoch, 'epoch' | 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy' | 'durationMs' | 'imagesPerSecond'>;

/**
 * Stores an epoch and announces it in one transaction: listeners hear of it only once it
 * is stored. Writing the same epoch again (a retried write, a resumed run) replaces it
 * rather than adding a second point.
 * @returns the stored row
 */
export async function recordEpoch(prisma: PrismaClient, runId: number, metrics: EpochMetrics) {
  return prisma.$transaction(async (tx) => {
    const values = { ...metrics, durationMs: Math.round(metrics.durationMs) };
    const row = await tx.epoch.upsert({
      where: { runId_epoch: { runId, epoch: metrics.epoch } },
      create: { runId, ...values },
      update: values,
      include: { run: { select: { sweepId: true } } },
    });
    await tx.run.update({ where: { id: runId }, data: { heartbeatAt: new Date() } });
    const { run, id, createdAt: _createdAt, ...stored } = row;
    await publishEvent(tx, 'epoch:added', { ...stored, sweepId: run.sweepId, epochId: id });
    return row;
  });
}

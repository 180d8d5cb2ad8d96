import type { Epoch, PrismaClient } from '../generated/prisma/client.js';

/**
 * The validation metrics of a run's stored epochs on one attempt, ascending: a resumed
 * worker picks up its stopping rules' history where the last one left it.
 */
export async function readAttemptEpochs(prisma: PrismaClient, runId: number, attempt: number): Promise<Pick<Epoch, 'epoch' | 'valLoss' | 'valAccuracy'>[]> {
  return prisma.epoch.findMany({ where: { runId, attempt }, orderBy: { epoch: 'asc' }, select: { epoch: true, valLoss: true, valAccuracy: true } });
}

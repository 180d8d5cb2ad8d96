import type { Epoch, PrismaClient } from '../generated/prisma/client.js';

/** Options of {@link readEpochs}. */
export interface ReadEpochsOptions {
  runId: number;
  attempt: number;
  /** Only epochs numbered above this. @default 0 */
  afterEpoch?: number;
}

/** The stored epochs of one attempt of a run, in order. */
export async function readEpochs(prisma: PrismaClient, options: ReadEpochsOptions): Promise<Epoch[]> {
  return prisma.epoch.findMany({
    where: { runId: options.runId, attempt: options.attempt, epoch: { gt: options.afterEpoch ?? 0 } },
    orderBy: { epoch: 'asc' },
  });
}

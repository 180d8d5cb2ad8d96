import type { PrismaClient } from '@sweepscope/db';
import type { ResultRow } from './format-results-table.js';

/** Each run of a sweep with its last epoch's metrics, in the order the cells were given. */
export async function readResults(prisma: PrismaClient, sweepId: number): Promise<ResultRow[]> {
  const runs = await prisma.run.findMany({
    where: { sweepId },
    orderBy: { id: 'asc' },
    include: { epochs: { orderBy: { epoch: 'desc' }, take: 1 } },
  });
  return runs.map((run) => {
    const last = run.epochs[0];
    const seconds =
      run.startedAt && run.finishedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : undefined;
    return {
      batchSize: run.batchSize,
      learningRate: run.learningRate,
      status: run.status,
      backend: run.backend,
      ...(seconds === undefined ? {} : { seconds }),
      ...(last ? { loss: last.loss, accuracy: last.accuracy, valLoss: last.valLoss, valAccuracy: last.valAccuracy } : {}),
    };
  });
}

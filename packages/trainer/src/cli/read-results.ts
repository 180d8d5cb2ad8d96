import type { PrismaClient } from '@sweepscope/db';

/** One run of a sweep with its last epoch's metrics: a row of the final table and of `--json`. */
export interface ResultRow {
  runId: number;
  batchSize: number;
  learningRate: number;
  /** Which repeat of the cell, 1-based, and the seed it trained with. */
  repeat: number;
  seed: number;
  status: string;
  /** Epochs stored. */
  epochs: number;
  loss?: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
  /** Wall time of the run's last attempt, in seconds. */
  seconds?: number;
  backend?: string | null;
  /** Why it failed or diverged. */
  error?: string | null;
}

/** Each run of a sweep with its last epoch's metrics, in the order the cells were given. */
export async function readResults(prisma: PrismaClient, sweepId: number): Promise<ResultRow[]> {
  const runs = await prisma.run.findMany({
    where: { sweepId },
    orderBy: { id: 'asc' },
    include: { epochs: { orderBy: { epoch: 'desc' }, take: 1 }, _count: { select: { epochs: true } } },
  });
  return runs.map((run) => {
    const last = run.epochs[0];
    const seconds =
      run.startedAt && run.finishedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : undefined;
    return {
      runId: run.id,
      batchSize: run.batchSize,
      learningRate: run.learningRate,
      repeat: run.repeat,
      seed: run.seed,
      status: run.status,
      epochs: run._count.epochs,
      backend: run.backend,
      error: run.error,
      ...(seconds === undefined ? {} : { seconds }),
      ...(last ? { loss: last.loss, accuracy: last.accuracy, valLoss: last.valLoss, valAccuracy: last.valAccuracy } : {}),
    };
  });
}

import type { PrismaClient } from '@sweepscope/db';
import { readCurrentEpochs, readSweepRuns } from '@sweepscope/db/runs';

/** One run of a sweep with its result epoch's metrics: a row of the final table and of `--json`. */
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
  /** Why it ended short: failed, diverged, stopped early or pruned. */
  error?: string | null;
}

/**
 * Each run of a sweep with the metrics of its result epoch, in the order the cells were
 * given: the last epoch of its current attempt, or for a run stopped early its epoch of
 * lowest validation loss, which early stopping keeps.
 */
export async function readResults(prisma: PrismaClient, sweepId: number): Promise<ResultRow[]> {
  const [sweepRuns = []] = await readSweepRuns(prisma, [sweepId]);
  const runs = sweepRuns.toSorted((a, b) => a.id - b.id);
  const currentEpochs = await readCurrentEpochs(
    prisma,
    runs.map((run) => run.id),
  );
  return runs.map((run, index) => {
    const epochs = currentEpochs[index] ?? [];
    const last =
      run.status === 'stopped_early'
        ? epochs.reduce<(typeof epochs)[number] | undefined>((low, epoch) => (low && low.valLoss <= epoch.valLoss ? low : epoch), undefined)
        : epochs.at(-1);
    const seconds = run.startedAt && run.finishedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : undefined;
    return {
      runId: run.id,
      batchSize: run.batchSize,
      learningRate: run.learningRate,
      repeat: run.repeat,
      seed: run.seed,
      status: run.status,
      epochs: epochs.length,
      backend: run.backend,
      error: run.error,
      ...(seconds === undefined ? {} : { seconds }),
      ...(last ? { loss: last.loss, accuracy: last.accuracy, valLoss: last.valLoss, valAccuracy: last.valAccuracy } : {}),
    };
  });
}

import type { PrismaClient } from '../generated/prisma/client.js';

/** Options of {@link readPruningBaseline}. */
export interface ReadPruningBaselineOptions {
  sweepId: number;
  /** The run being judged: left out of its own baseline. */
  runId: number;
  /** The run's batch size: only runs of the same batch size are measured against it. */
  batchSize: number;
  epoch: number;
}

/**
 * The validation accuracy at one epoch of every other completed run of the sweep with the
 * same batch size — trained to its end, or stopped early — on its current attempt: what the
 * median pruner measures a run against. Runs still training, pruned, failed or diverged are
 * left out, as Optuna's MedianPruner counts only completed trials; a run that stopped before
 * this epoch has no value at it.
 *
 * Only the same batch size, because an epoch is not the same amount of training across batch
 * sizes: at batch 128 it is a quarter of the updates it is at batch 32, so a large batch that
 * ends best is still behind the small ones after a few epochs. Measured on the quick preset
 * with two repeats, a pruner over all batch sizes pruned the repeat that ended as the sweep's
 * best run and moved the best cell from batch 128 to batch 32.
 */
export async function readPruningBaseline(prisma: PrismaClient, options: ReadPruningBaselineOptions): Promise<number[]> {
  const rows = await prisma.epoch.findMany({
    where: {
      epoch: options.epoch,
      run: { sweepId: options.sweepId, batchSize: options.batchSize, id: { not: options.runId }, status: { in: ['succeeded', 'stopped_early'] } },
    },
    select: { valAccuracy: true, attempt: true, run: { select: { attempt: true } } },
  });
  return rows.filter((row) => row.attempt === row.run.attempt).map((row) => row.valAccuracy);
}

import type { PrismaClient } from '../generated/prisma/client.js';

/** Options of {@link readPruningBaseline}. */
export interface ReadPruningBaselineOptions {
  sweepId: number;
  /** The run being judged: left out of its own baseline. */
  runId: number;
  epoch: number;
}

/**
 * The validation accuracy at one epoch of every other completed run of the sweep — trained
 * to its end, or stopped early — on its current attempt: what the median pruner measures a
 * run against. Runs still training, pruned, failed or diverged are left out, as Optuna's
 * MedianPruner counts only completed trials; a run that stopped before this epoch has no
 * value at it.
 */
export async function readPruningBaseline(prisma: PrismaClient, options: ReadPruningBaselineOptions): Promise<number[]> {
  const rows = await prisma.epoch.findMany({
    where: { epoch: options.epoch, run: { sweepId: options.sweepId, id: { not: options.runId }, status: { in: ['succeeded', 'stopped_early'] } } },
    select: { valAccuracy: true, attempt: true, run: { select: { attempt: true } } },
  });
  return rows.filter((row) => row.attempt === row.run.attempt).map((row) => row.valAccuracy);
}

import type { PrismaClient, Run } from '@sweepscope/db';
import { readRunSummaries, type RunSummary } from '@sweepscope/db/runs';
import DataLoader from 'dataloader';

/** Batched reads for one request: however many sweeps or runs a query names, a few queries in all. */
export interface Loaders {
  /** A sweep's runs, by batch size, learning rate and repeat. */
  runsOfSweep: DataLoader<number, Run[]>;
  /** What a run's current attempt has produced so far. */
  runSummary: DataLoader<number, RunSummary>;
}

/**
 * Makes the loaders of one request. They cache what they read, so each request (or each
 * subscription event) gets its own and never sees another's stale rows.
 */
export function createLoaders(prisma: PrismaClient): Loaders {
  return {
    runsOfSweep: new DataLoader(async (sweepIds) => {
      const runs = await prisma.run.findMany({
        where: { sweepId: { in: [...sweepIds] } },
        orderBy: [{ batchSize: 'asc' }, { learningRate: 'asc' }, { repeat: 'asc' }],
      });
      const bySweep = new Map<number, Run[]>(sweepIds.map((id) => [id, []]));
      for (const run of runs) bySweep.get(run.sweepId)?.push(run);
      return sweepIds.map((id) => bySweep.get(id) ?? []);
    }),
    runSummary: new DataLoader((runIds) => readRunSummaries(prisma, runIds)),
  };
}

import type { Epoch, PrismaClient, Run, Sweep } from '@sweepscope/db';
import {
  readEpochSeries,
  readInterruptions,
  readRunSummaries,
  readTrainingTraces,
  type EpochSeriesMetric,
  type RunInterruption,
  type RunSummary,
  type TrainingTrace,
} from '@sweepscope/db/runs';
import DataLoader from 'dataloader';

/** Batched reads for one request: however many sweeps or runs a query names, a few queries in all. */
export interface Loaders {
  /** A sweep's runs, by batch size, learning rate and repeat. */
  runsOfSweep: DataLoader<number, Run[]>;
  /** What a run's current attempt has produced so far. */
  runSummary: DataLoader<number, RunSummary>;
  /** Every epoch of a run's current attempt, in order: the curves of many selected runs ask for all of them at once. */
  currentEpochs: DataLoader<number, Epoch[]>;
  /** A sweep by id: the settings its runs' fields read (where chance lies, the divergence limit). */
  sweep: DataLoader<number, Sweep | null>;
  /** What the instability rules read of a run's current attempt; null before its first epoch. */
  trainingTrace: DataLoader<number, TrainingTrace | null>;
  /** Every interruption of a run, oldest first. */
  interruptions: DataLoader<number, RunInterruption[]>;
  /** One metric of a run's current attempt by epoch (`Run.series`): a grid's sparklines ask for all of them at once. */
  epochSeries(metric: EpochSeriesMetric): DataLoader<number, (number | null)[]>;
}

/**
 * Makes the loaders of one request. They cache what they read, so each request (or each
 * subscription event) gets its own and never sees another's stale rows.
 */
export function createLoaders(prisma: PrismaClient): Loaders {
  const seriesLoaders = new Map<EpochSeriesMetric, DataLoader<number, (number | null)[]>>();
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
    currentEpochs: new DataLoader(async (runIds) => {
      const epochs = await prisma.$queryRaw<Epoch[]>`
        SELECT e.* FROM "Epoch" e JOIN "Run" r ON r.id = e."runId" AND r.attempt = e.attempt
        WHERE e."runId" = ANY(${[...runIds]}) ORDER BY e."runId", e.epoch`;
      const byRun = new Map<number, Epoch[]>(runIds.map((id) => [id, []]));
      for (const epoch of epochs) byRun.get(epoch.runId)?.push(epoch);
      return runIds.map((id) => byRun.get(id) ?? []);
    }),
    sweep: new DataLoader(async (sweepIds) => {
      const sweeps = await prisma.sweep.findMany({ where: { id: { in: [...sweepIds] } } });
      return sweepIds.map((id) => sweeps.find((sweep) => sweep.id === id) ?? null);
    }),
    trainingTrace: new DataLoader(async (runIds) => {
      const traces = await readTrainingTraces(prisma, runIds);
      return runIds.map((id) => traces.get(id) ?? null);
    }),
    interruptions: new DataLoader(async (runIds) => {
      const byRun = await readInterruptions(prisma, runIds);
      return runIds.map((id) => byRun.get(id) ?? []);
    }),
    epochSeries(metric) {
      let loader = seriesLoaders.get(metric);
      if (loader === undefined) {
        loader = new DataLoader((runIds) => readEpochSeries(prisma, runIds, metric));
        seriesLoaders.set(metric, loader);
      }
      return loader;
    },
  };
}

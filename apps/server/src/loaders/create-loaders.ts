import type { Epoch, PrismaClient, Run, Sweep } from '@sweepscope/db';
import {
  readCurrentEpochs,
  readEpochsById,
  readEpochSeries,
  readInterruptions,
  readRuns,
  readSweepRuns,
  type EpochSeriesMetric,
  type RunInterruption,
} from '@sweepscope/db/runs';
import { readSweeps } from '@sweepscope/db/sweeps';
import DataLoader from 'dataloader';

/** Batched reads for one request: however many sweeps or runs a query names, a few queries in all. */
export interface Loaders {
  /** A run by id. */
  run: DataLoader<number, Run | null>;
  /** A sweep's runs, by batch size, learning rate and repeat. */
  runsOfSweep: DataLoader<number, Run[]>;
  /** An epoch by id: the newest and best epochs a run's row names. */
  epoch: DataLoader<number, Epoch | null>;
  /** Every epoch of a run's current attempt, in order: the curves of many selected runs ask for all of them at once. */
  currentEpochs: DataLoader<number, Epoch[]>;
  /** A sweep by id: the settings its runs' fields read (where chance lies, the divergence limit). */
  sweep: DataLoader<number, Sweep | null>;
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
    run: new DataLoader(async (runIds) => {
      const runs = await readRuns(prisma, runIds);
      return runIds.map((id) => runs.get(id) ?? null);
    }),
    runsOfSweep: new DataLoader((sweepIds) => readSweepRuns(prisma, sweepIds)),
    epoch: new DataLoader((ids) => readEpochsById(prisma, ids)),
    currentEpochs: new DataLoader((runIds) => readCurrentEpochs(prisma, runIds)),
    sweep: new DataLoader((sweepIds) => readSweeps(prisma, sweepIds)),
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

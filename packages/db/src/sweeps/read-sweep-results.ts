import type { PrismaClient } from '../generated/prisma/client.js';

// The settings the conclusions weigh results by, and each run with its epochs.
const resultsSelect = {
  epochs: true,
  classes: true,
  valImages: true,
  divergenceFactor: true,
  weights: true,
  alpha: true,
  inputSize: true,
  trainLimit: true,
  runs: {
    select: {
      id: true,
      batchSize: true,
      learningRate: true,
      repeat: true,
      status: true,
      error: true,
      attempt: true,
      epochs: {
        select: { attempt: true, epoch: true, loss: true, accuracy: true, valLoss: true, valAccuracy: true, noiseScale: true },
        orderBy: { epoch: 'asc' },
      },
    },
  },
} as const;

/**
 * Everything a sweep's conclusions are drawn from, in one query: its settings, and each run
 * with the metrics of its current attempt's epochs (a retry starts its epochs again at 1;
 * only the current attempt's describe the run as it stands).
 * @returns null when there is no such sweep
 */
export async function readSweepResults(prisma: PrismaClient, sweepId: number) {
  const sweep = await prisma.sweep.findUnique({ where: { id: sweepId }, select: resultsSelect });
  if (sweep === null) return null;
  const runs = sweep.runs.map(({ attempt, epochs, ...run }) => ({
    ...run,
    epochs: epochs.filter((epoch) => epoch.attempt === attempt).map(({ attempt: _attempt, ...metrics }) => metrics),
  }));
  return { ...sweep, runs };
}

/** What {@link readSweepResults} reads of a sweep. */
export type SweepResults = NonNullable<Awaited<ReturnType<typeof readSweepResults>>>;

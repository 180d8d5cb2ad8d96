import type { PrismaClient } from '@sweepscope/db';

/** What training produced for one epoch, without the timings that differ from run to run. */
export interface TrainedEpoch {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
}

/** The stored epochs of a run's current attempt, in order, without timings. */
export async function readTrainedEpochs(prisma: PrismaClient, runId: number): Promise<TrainedEpoch[]> {
  const run = await prisma.run.findUniqueOrThrow({ where: { id: runId }, select: { attempt: true } });
  return prisma.epoch.findMany({
    where: { runId, attempt: run.attempt },
    orderBy: { epoch: 'asc' },
    select: { epoch: true, loss: true, accuracy: true, valLoss: true, valAccuracy: true },
  });
}

/**
 * The epoch numbers of every epoch write that reached the run's event log, in commit order.
 * Each accepted write logs one event, a rewrite of an epoch too, so an epoch stored exactly
 * once appears exactly once here — which the epoch table, one row per epoch, cannot tell.
 */
export async function readLoggedEpochs(prisma: PrismaClient, runId: number): Promise<number[]> {
  const events = await prisma.sweepEvent.findMany({ where: { runId, name: 'epoch:added' }, orderBy: { id: 'asc' }, select: { payload: true } });
  return events.map((event) => (event.payload as { epoch: number }).epoch);
}

/** 1, 2, …, n. */
export function epochNumbers(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}

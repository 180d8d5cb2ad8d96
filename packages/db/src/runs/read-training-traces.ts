import type { PrismaClient } from '../generated/prisma/client.js';

/** What the conclusions' instability rules read of a run's epochs (see `findInstability` in the server). */
export interface TrainingTrace {
  /** Epochs stored. */
  epochs: number;
  /** Training loss of the first and of the last stored epoch, and the largest of any, in nats. */
  firstLoss: number;
  lastLoss: number;
  largestLoss: number;
  /** The highest validation accuracy of any epoch, 0–1. */
  bestValAccuracy: number;
}

/**
 * The trace of each run's current attempt, in one aggregate query however many runs are
 * asked for: a grid judges every run without reading every epoch.
 * @returns by run id; a run without epochs is absent
 */
export async function readTrainingTraces(prisma: PrismaClient, runIds: readonly number[]): Promise<Map<number, TrainingTrace>> {
  const rows = await prisma.$queryRaw<(TrainingTrace & { runId: number })[]>`
    SELECT e."runId",
           count(*)::int AS epochs,
           (array_agg(e.loss ORDER BY e.epoch))[1] AS "firstLoss",
           (array_agg(e.loss ORDER BY e.epoch DESC))[1] AS "lastLoss",
           max(e.loss) AS "largestLoss",
           max(e."valAccuracy") AS "bestValAccuracy"
      FROM "Epoch" e JOIN "Run" r ON r.id = e."runId" AND r.attempt = e.attempt
     WHERE e."runId" = ANY(${[...runIds]})
     GROUP BY e."runId"`;
  return new Map(rows.map(({ runId, ...trace }) => [runId, trace]));
}

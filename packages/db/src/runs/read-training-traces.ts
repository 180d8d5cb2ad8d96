import type { TrainingTrace } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';

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

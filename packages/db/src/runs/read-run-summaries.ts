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
}

/**
 * Summarises the current attempt of many runs in three queries, whatever their number: the
 * grid of a large sweep asks for every run's summary at once. Each query looks up its runs
 * one by one through the epoch indexes (a top-1 per run) rather than sorting every epoch of
 * the sweep: on a 1,000-run × 50-epoch sweep that is the difference between a few and a
 * few hundred milliseconds.
 * @returns one summary per id asked for, in the same order
 */
export async function readRunSummaries(prisma: PrismaClient, runIds: readonly number[]): Promise<RunSummary[]> {
  const ids = [...runIds];
  const [counts, latest, best] = await Promise.all([
    prisma.$queryRaw<{ runId: number; epochsDone: bigint; imagesPerSecond: number | null }[]>`
      SELECT r.id AS "runId", s."epochsDone", s."imagesPerSecond"
      FROM "Run" r CROSS JOIN LATERAL (
        SELECT count(*) AS "epochsDone", avg(e."imagesPerSecond") AS "imagesPerSecond"
        FROM "Epoch" e WHERE e."runId" = r.id AND e.attempt = r.attempt) s
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
  return ids.map((runId) => ({
    runId,
    epochsDone: Number(countOf.get(runId)?.epochsDone ?? 0),
    imagesPerSecond: countOf.get(runId)?.imagesPerSecond ?? null,
    latest: latestOf.get(runId) ?? null,
    best: bestOf.get(runId) ?? null,
  }));
}

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
 * grid of a large sweep asks for every run's summary at once.
 * @returns one summary per id asked for, in the same order
 */
export async function readRunSummaries(prisma: PrismaClient, runIds: readonly number[]): Promise<RunSummary[]> {
  const ids = [...runIds];
  const [counts, latest, best] = await Promise.all([
    prisma.$queryRaw<{ runId: number; epochsDone: bigint; imagesPerSecond: number | null }[]>`
      SELECT e."runId", count(*) AS "epochsDone", avg(e."imagesPerSecond") AS "imagesPerSecond"
      FROM "Epoch" e JOIN "Run" r ON r.id = e."runId" AND r.attempt = e.attempt
      WHERE e."runId" = ANY(${ids}) GROUP BY e."runId"`,
    prisma.$queryRaw<Epoch[]>`
      SELECT DISTINCT ON (e."runId") e.*
      FROM "Epoch" e JOIN "Run" r ON r.id = e."runId" AND r.attempt = e.attempt
      WHERE e."runId" = ANY(${ids}) ORDER BY e."runId", e.epoch DESC`,
    prisma.$queryRaw<Epoch[]>`
      SELECT DISTINCT ON (e."runId") e.*
      FROM "Epoch" e JOIN "Run" r ON r.id = e."runId" AND r.attempt = e.attempt
      WHERE e."runId" = ANY(${ids}) ORDER BY e."runId", e."valAccuracy" DESC, e.epoch ASC`,
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

import { Prisma, type PrismaClient } from '../generated/prisma/client.js';

/** A per-epoch number of a run: the `Epoch` column of that name. */
export type EpochSeriesMetric = 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy' | 'durationMs' | 'imagesPerSecond' | 'noiseScale';

// Column names come from this table only, never from the caller's text.
const COLUMNS: Readonly<Record<EpochSeriesMetric, Prisma.Sql>> = {
  loss: Prisma.raw('e.loss'),
  accuracy: Prisma.raw('e.accuracy'),
  valLoss: Prisma.raw('e."valLoss"'),
  valAccuracy: Prisma.raw('e."valAccuracy"'),
  durationMs: Prisma.raw('e."durationMs"'),
  imagesPerSecond: Prisma.raw('e."imagesPerSecond"'),
  noiseScale: Prisma.raw('e."noiseScale"'),
};

/**
 * Reads one metric of the current attempt of many runs, by epoch: element i of a run's
 * series is epoch i + 1's value, null where that epoch is not stored (or has no such
 * number, as an imported epoch without timings). One query whatever the number of runs,
 * with one row per run: a 1,000-run grid's sparklines read as 1,000 small arrays rather
 * than 50,000 epoch rows.
 * @returns one series per id asked for, in the same order; empty for a run without epochs
 */
export async function readEpochSeries(prisma: PrismaClient, runIds: readonly number[], metric: EpochSeriesMetric): Promise<(number | null)[][]> {
  // The arrays come back as text, parsed here: the driver's own array parsing took longer
  // than the query itself on a 1,000-run grid.
  const rows = await prisma.$queryRaw<{ runId: number; epochs: string; values: string }[]>`
    SELECT e."runId", array_agg(e.epoch ORDER BY e.epoch)::text AS epochs,
           array_agg(${COLUMNS[metric]}::float8 ORDER BY e.epoch)::text AS "values"
    FROM "Run" r JOIN "Epoch" e ON e."runId" = r.id AND e.attempt = r.attempt
    WHERE r.id = ANY(${[...runIds]})
    GROUP BY e."runId"`;
  const byRun = new Map<number, (number | null)[]>();
  for (const row of rows) {
    const epochs = parseNumberArray(row.epochs);
    const values = parseNumberArray(row.values);
    const series: (number | null)[] = Array.from({ length: epochs.at(-1) ?? 0 }, () => null);
    epochs.forEach((epoch, index) => {
      if (epoch !== null) series[epoch - 1] = values[index] ?? null;
    });
    byRun.set(row.runId, series);
  }
  return runIds.map((id) => byRun.get(id) ?? []);
}

/** Reads a one-dimensional PostgreSQL array of numbers written as text (`{1,2.5,NULL}`). */
function parseNumberArray(text: string): (number | null)[] {
  if (text === '{}') return [];
  return text
    .slice(1, -1)
    .split(',')
    .map((item) => (item === 'NULL' ? null : Number(item)));
}

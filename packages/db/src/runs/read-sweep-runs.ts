import type { PrismaClient, Run } from '../generated/prisma/client.js';

/**
 * The runs of many sweeps in one query, each sweep's by batch size, learning rate and repeat.
 *
 * Through `$queryRaw` rather than `findMany`: the same statement and the same objects (the
 * test reads both ways and compares), but `findMany` maps every value of every row through
 * Prisma's query interpreter: a 1,000-run sweep took 19–33 ms that way and 14–18 ms this
 * way (fastest to median of 30 reads). The sweep page's grid reads a whole sweep on every
 * load.
 * @returns one list per sweep id asked for, in the same order; empty for a sweep without runs
 */
export async function readSweepRuns(prisma: PrismaClient, sweepIds: readonly number[]): Promise<Run[][]> {
  const runs = await prisma.$queryRaw<Run[]>`
    SELECT * FROM "Run" WHERE "sweepId" = ANY(${[...sweepIds]}) ORDER BY "batchSize", "learningRate", "repeat"`;
  const bySweep = new Map<number, Run[]>(sweepIds.map((id) => [id, []]));
  for (const run of runs) bySweep.get(run.sweepId)?.push(run);
  return sweepIds.map((id) => bySweep.get(id) ?? []);
}

import type { PrismaClient, Run } from '../generated/prisma/client.js';

/**
 * The runs of many sweeps in one query, each sweep's by batch size, learning rate and repeat.
 * @returns one list per sweep id asked for, in the same order; empty for a sweep without runs
 */
export async function readSweepRuns(prisma: PrismaClient, sweepIds: readonly number[]): Promise<Run[][]> {
  const runs = await prisma.run.findMany({
    where: { sweepId: { in: [...sweepIds] } },
    orderBy: [{ batchSize: 'asc' }, { learningRate: 'asc' }, { repeat: 'asc' }],
  });
  const bySweep = new Map<number, Run[]>(sweepIds.map((id) => [id, []]));
  for (const run of runs) bySweep.get(run.sweepId)?.push(run);
  return sweepIds.map((id) => bySweep.get(id) ?? []);
}

import type { PrismaClient, Run } from '../generated/prisma/client.js';

/** Runs by id, in one query: ids with no run are absent from the map. */
export async function readRuns(prisma: PrismaClient, ids: readonly number[]): Promise<Map<number, Run>> {
  if (ids.length === 0) return new Map();
  const runs = await prisma.run.findMany({ where: { id: { in: [...ids] } } });
  return new Map(runs.map((run) => [run.id, run]));
}

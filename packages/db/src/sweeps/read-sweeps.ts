import type { PrismaClient, Sweep } from '../generated/prisma/client.js';

/**
 * Sweeps by id, in one query.
 * @returns one per id asked for, in the same order; null where there is none
 */
export async function readSweeps(prisma: PrismaClient, ids: readonly number[]): Promise<(Sweep | null)[]> {
  const sweeps = new Map((await prisma.sweep.findMany({ where: { id: { in: [...ids] } } })).map((sweep) => [sweep.id, sweep]));
  return ids.map((id) => sweeps.get(id) ?? null);
}

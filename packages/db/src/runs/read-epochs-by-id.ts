import type { Epoch, PrismaClient } from '../generated/prisma/client.js';

/**
 * Epochs by id, in one query: the newest and best epochs a run's row names
 * (`latestEpochId`, `bestEpochId`), for a whole grid at once. Through `$queryRaw`
 * for the reason readSweepRuns gives: 2,000 epochs took 12–20 ms through
 * `findMany` and 7–15 ms so (fastest to median of 30 reads).
 * @returns one epoch per id asked for, in the same order; null for an id with no epoch
 */
export async function readEpochsById(prisma: PrismaClient, ids: readonly number[]): Promise<(Epoch | null)[]> {
  const epochs = await prisma.$queryRaw<Epoch[]>`SELECT * FROM "Epoch" WHERE "id" = ANY(${[...ids]})`;
  const byId = new Map(epochs.map((epoch) => [epoch.id, epoch]));
  return ids.map((id) => byId.get(id) ?? null);
}

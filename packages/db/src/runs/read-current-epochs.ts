import type { Epoch, PrismaClient } from '../generated/prisma/client.js';

/**
 * Every epoch of the current attempt of many runs, in one query: a retry starts its epochs
 * again at 1, and only the current attempt's describe the run as it stands.
 * @returns one list per run id asked for, in the same order, by epoch
 */
export async function readCurrentEpochs(prisma: PrismaClient, runIds: readonly number[]): Promise<Epoch[][]> {
  const epochs = await prisma.$queryRaw<Epoch[]>`
    SELECT e.* FROM "Epoch" e JOIN "Run" r ON r.id = e."runId" AND r.attempt = e.attempt
    WHERE e."runId" = ANY(${[...runIds]}) ORDER BY e."runId", e.epoch`;
  const byRun = new Map<number, Epoch[]>(runIds.map((id) => [id, []]));
  for (const epoch of epochs) byRun.get(epoch.runId)?.push(epoch);
  return runIds.map((id) => byRun.get(id) ?? []);
}

import type { PrismaClient, RunInterruption } from '../generated/prisma/client.js';

export type { RunInterruption };

/**
 * Every interruption of the given runs (worker lost, worker stopped, retried keeping the
 * epochs), oldest first, by run id; a run without any maps to an empty list.
 */
export async function readInterruptions(prisma: PrismaClient, runIds: readonly number[]): Promise<Map<number, RunInterruption[]>> {
  const rows = await prisma.runInterruption.findMany({ where: { runId: { in: [...runIds] } }, orderBy: { id: 'asc' } });
  const byRun = new Map<number, RunInterruption[]>(runIds.map((id) => [id, []]));
  for (const row of rows) byRun.get(row.runId)?.push(row);
  return byRun;
}

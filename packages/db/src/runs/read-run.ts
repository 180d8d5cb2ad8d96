import type { PrismaClient, Run } from '../generated/prisma/client.js';

/** A run by id, or null when there is none. */
export async function readRun(prisma: PrismaClient, id: number): Promise<Run | null> {
  return prisma.run.findUnique({ where: { id } });
}

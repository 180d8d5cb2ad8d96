import type { PrismaClient } from '../generated/prisma/client.js';

/** The `seq` of a sweep's newest stored event, or null before its first. */
export async function readEventCursor(prisma: PrismaClient, sweepId: number): Promise<number | null> {
  const newest = await prisma.sweepEvent.findFirst({ where: { sweepId }, orderBy: { id: 'desc' }, select: { id: true } });
  return newest?.id ?? null;
}

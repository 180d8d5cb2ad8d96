import type { PrismaClient } from '../generated/prisma/client.js';

/** The ids of the sweeps with a queued run, but `except`: where a worker bound to one sweep could find other work. */
export async function readSweepsWithQueuedRuns(prisma: PrismaClient, except: number): Promise<number[]> {
  const sweeps = await prisma.sweep.findMany({ where: { id: { not: except }, runs: { some: { status: 'queued' } } }, select: { id: true } });
  return sweeps.map((sweep) => sweep.id);
}

import type { PrismaClient } from '../generated/prisma/client.js';

/** What a sweep's data set turned out to hold, once a worker loaded it. */
export interface DataSize {
  /** Classes of the data set. */
  classes: number;
  /** Images each validation pass scores. */
  valImages: number;
}

/**
 * Records a sweep's classes and validation images the first time any worker loads its data.
 * Every worker loads the same data for a sweep, so the first write wins and the rest change
 * nothing; it needs no lease, as it is the sweep's and no run's.
 */
export async function recordDataSize(prisma: PrismaClient, sweepId: number, size: DataSize): Promise<void> {
  await prisma.sweep.updateMany({ where: { id: sweepId, classes: null }, data: size });
}

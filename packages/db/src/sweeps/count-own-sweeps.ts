import type { PrismaClient } from '../generated/prisma/client.js';

/** How many sweeps people made (created, trained or imported): every sweep but the built-in ones. */
export function countOwnSweeps(prisma: PrismaClient): Promise<number> {
  return prisma.sweep.count({ where: { builtIn: null } });
}

import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { holdLease } from './hold-lease.js';
import type { RunLease } from './run-lease.js';

/**
 * Beats a run's heartbeat and extends its lease by `lease.leaseMs` from now, if its worker
 * still holds it, and then does `alsoWrite` in the same transaction.
 * @param alsoWrite what else to write under the lease @default nothing
 * @returns whether the lease is still held; false once the run was cancelled, ended or
 *   taken over, and then nothing is written
 */
export async function renewLease(
  prisma: PrismaClient,
  lease: RunLease,
  alsoWrite: (tx: Prisma.TransactionClient) => Promise<unknown> = async () => undefined,
): Promise<boolean> {
  try {
    await prisma.$transaction(async (tx) => {
      await holdLease(tx, lease);
      await alsoWrite(tx);
    });
    return true;
  } catch (error) {
    if (error instanceof SweepscopeError && error.code === ErrorCode.LeaseLost) return false;
    throw error;
  }
}

import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { Prisma } from '../generated/prisma/client.js';
import type { RunLease } from './run-lease.js';

/** The run as a write under a lease sees it. */
export interface HeldRun {
  sweepId: number;
  attempt: number;
}

/**
 * Checks inside a write's transaction that its worker still holds the run, and renews the
 * lease (a write is a sign of life). The check locks the run's row to commit, so a reclaim
 * either happens before it, and the write is refused, or waits for the write to commit.
 * @throws {SweepscopeError} LEASE_LOST when the run was cancelled, ended, or taken over
 */
export async function holdLease(tx: Prisma.TransactionClient, lease: RunLease): Promise<HeldRun> {
  const [held] = await tx.$queryRaw<HeldRun[]>`
    UPDATE "Run" SET "heartbeatAt" = timezone('UTC', now()),
      "leaseExpiresAt" = timezone('UTC', now()) + ${lease.leaseMs} * interval '1 millisecond'
    WHERE id = ${lease.runId} AND "leaseToken" = ${lease.token} AND status = 'running'
    RETURNING "sweepId", attempt`;
  if (held) return held;
  const run = await tx.run.findUnique({ where: { id: lease.runId }, select: { status: true, worker: true } });
  throw new SweepscopeError(ErrorCode.LeaseLost, `Run ${lease.runId} is no longer this worker's: ${whyLost(run)}; the write was refused.`);
}

function whyLost(run: { status: string; worker: string | null } | null): string {
  if (run === null) return 'it was deleted';
  if (run.status === 'cancelled') return 'a person cancelled it';
  if (run.status === 'running') return `its lease ran out and ${run.worker ?? 'another worker'} took it over`;
  if (run.status === 'queued') return 'its lease ran out and it was queued again to resume';
  return `it is ${run.status}`;
}

import type { PrismaClient } from '../generated/prisma/client.js';
import type { RunLease } from '../leases/run-lease.js';
import { startRun } from '../runs/start-run.js';

/**
 * Claims a queued run as a worker would (`startRun`), for tests that write epochs and
 * statuses under its lease.
 * @param worker the worker's name @default 'test-worker'
 * @throws Error when the run is not queued
 */
export async function claimTestRun(prisma: PrismaClient, runId: number, worker = 'test-worker', leaseMs?: number): Promise<RunLease> {
  const started = await startRun(prisma, { runId, worker, backend: 'cpu', backendNote: 'test', ...(leaseMs === undefined ? {} : { leaseMs }) });
  if (started === null) throw new Error(`Run ${runId} is not queued, so it cannot be claimed.`);
  return started.lease;
}

import { randomUUID } from 'node:crypto';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import { resolveLeaseSettings } from '../leases/lease-settings.js';
import type { RunLease } from '../leases/run-lease.js';

/** Options of {@link startRun}. */
export interface StartRunOptions {
  runId: number;
  /** The worker taking it, e.g. `host:pid`. */
  worker: string;
  /** The TensorFlow.js backend in use, and why it was chosen. */
  backend: string;
  backendNote: string;
  /** How long the lease lasts between renewals, in ms. @default the lease settings' (30000) */
  leaseMs?: number;
}

/**
 * Claims a queued run for a worker: marks it running under a fresh lease, records who took
 * up an interrupted run, and tells listeners. A run resumed after its worker stopped or
 * died continues its attempt; only a retry from scratch starts a new one.
 * @returns the run with its sweep's settings and the lease every later write must name;
 *   null when the run is no longer queued (cancelled, ended, or claimed by another worker)
 * @throws {SweepscopeError} NOT_FOUND when the run was deleted after it was queued
 */
export async function startRun(prisma: PrismaClient, options: StartRunOptions) {
  const leaseMs = options.leaseMs ?? resolveLeaseSettings().leaseMs;
  const token = randomUUID();
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      UPDATE "Run" SET status = 'running', worker = ${options.worker}, backend = ${options.backend},
        "backendNote" = ${options.backendNote}, "startedAt" = timezone('UTC', now()),
        "heartbeatAt" = timezone('UTC', now()), "finishedAt" = NULL, error = NULL, "leaseToken" = ${token},
        "leaseExpiresAt" = timezone('UTC', now()) + ${leaseMs} * interval '1 millisecond'
      WHERE id = ${options.runId} AND status = 'queued'`;
    if (claimed === 0) {
      const exists = await tx.run.count({ where: { id: options.runId } });
      if (exists === 0) throw new SweepscopeError(ErrorCode.NotFound, `Run ${options.runId} does not exist.`);
      return null;
    }
    await tx.$executeRaw`
      UPDATE "RunInterruption" SET "resumedBy" = ${options.worker}, "resumedAt" = timezone('UTC', now())
      WHERE "runId" = ${options.runId} AND "resumedBy" IS NULL
        AND attempt = (SELECT attempt FROM "Run" WHERE id = ${options.runId})`;
    const run = await tx.run.findUniqueOrThrow({ where: { id: options.runId }, include: { sweep: true } });
    await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId: run.id, status: run.status });
    const lease: RunLease = { runId: run.id, token, leaseMs };
    return { run, lease };
  });
}

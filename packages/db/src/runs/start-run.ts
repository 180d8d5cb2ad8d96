import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import { ErrorCode, SweepscopeError } from '../errors/index.js';

/** Options of {@link startRun}. */
export interface StartRunOptions {
  runId: number;
  /** The worker taking it, e.g. `host:pid`. */
  worker: string;
  /** The TensorFlow.js backend in use, and why it was chosen. */
  backend: string;
  backendNote: string;
}

/**
 * Marks a run as running under a worker, and tells listeners. A run resumed after its
 * worker stopped continues its attempt; only retryRun starts a new one.
 * @returns the run with its sweep's settings
 * @throws {SweepscopeError} NOT_FOUND when the run was deleted after it was queued
 */
export async function startRun(prisma: PrismaClient, options: StartRunOptions) {
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.run.updateMany({
      where: { id: options.runId },
      data: {
        status: 'running',
        worker: options.worker,
        backend: options.backend,
        backendNote: options.backendNote,
        startedAt: now,
        heartbeatAt: now,
        finishedAt: null,
        error: null,
      },
    });
    if (updated.count === 0) throw new SweepscopeError(ErrorCode.NotFound, `Run ${options.runId} does not exist.`);
    const run = await tx.run.findUniqueOrThrow({ where: { id: options.runId }, include: { sweep: true } });
    await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId: run.id, status: run.status });
    return run;
  });
}

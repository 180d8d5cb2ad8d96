import type { PrismaClient } from '../generated/prisma/client.js';
import type { RunStatus } from '../generated/prisma/enums.js';
import { publishEvent } from '../events/publish-event.js';
import { enqueueRun } from '../queue/enqueue-run.js';

/** How a run ended. */
export type FinalRunStatus = Extract<RunStatus, 'succeeded' | 'failed' | 'diverged' | 'cancelled'>;

/**
 * Records how a run ended and tells listeners. Only a run still `running` changes: one that
 * a person cancelled while its last epoch trained stays cancelled.
 * @param error the error text, for failed and diverged runs
 * @returns whether the run was still running and so was changed
 */
export async function finishRun(prisma: PrismaClient, runId: number, status: FinalRunStatus, error?: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.run.updateMany({
      where: { id: runId, status: 'running' },
      data: { status, finishedAt: new Date(), error: error ?? null },
    });
    if (count === 0) return false;
    const { sweepId } = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { sweepId: true } });
    await publishEvent(tx, 'run:updated', { sweepId, runId, status });
    return true;
  });
}

/**
 * Puts a run that a stopping worker gave up back in the queue for another worker, which
 * resumes it from its last checkpoint. Its stored epochs stay. A run cancelled meanwhile
 * stays cancelled.
 * @returns whether the run was still running and so was queued again
 */
export async function requeueRun(prisma: PrismaClient, runId: number): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.run.updateMany({ where: { id: runId, status: 'running' }, data: { status: 'queued', worker: null } });
    if (count === 0) return false;
    const run = await tx.run.findUniqueOrThrow({ where: { id: runId } });
    await enqueueRun(tx, run);
    await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId, status: run.status });
    return true;
  });
}

import type { PrismaClient } from '../generated/prisma/client.js';
import type { RunStatus } from '../generated/prisma/enums.js';
import { publishEvent } from '../events/publish-event.js';
import { enqueueRun } from '../queue/enqueue-run.js';

/** How a run ended. */
export type FinalRunStatus = Extract<RunStatus, 'succeeded' | 'failed' | 'diverged' | 'cancelled'>;

/**
 * Records how a run ended and tells listeners.
 * @param error the error text, for failed and diverged runs
 */
export async function finishRun(prisma: PrismaClient, runId: number, status: FinalRunStatus, error?: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const run = await tx.run.update({
      where: { id: runId },
      data: { status, finishedAt: new Date(), error: error ?? null },
    });
    await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId, status });
  });
}

/**
 * Puts a run that a stopping worker gave up back in the queue for another worker.
 * Its stored epochs stay; they are overwritten as the run trains again.
 */
export async function requeueRun(prisma: PrismaClient, runId: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const run = await tx.run.update({ where: { id: runId }, data: { status: 'queued', worker: null } });
    await enqueueRun(tx, run);
    await publishEvent(tx, 'run:updated', { sweepId: run.sweepId, runId, status: run.status });
  });
}

import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import { enqueueRun } from '../queue/enqueue-run.js';
import { validateSweepInput, type SweepInput } from './validate-sweep-input.js';

/** Options of {@link createSweep}. */
export interface CreateSweepOptions {
  input: SweepInput;
  /** Who asks: `cli`, `api`, `start`. */
  createdBy: string;
}

/**
 * Checks a sweep, stores it with one queued run per cell and queues the runs for the
 * workers, all in one transaction: a refused or failed request leaves nothing behind.
 * The terminal and the API both call this.
 * @throws {SweepscopeError} BAD_USER_INPUT before anything is written
 */
export async function createSweep(prisma: PrismaClient, { input, createdBy }: CreateSweepOptions) {
  const { cells, ...settings } = validateSweepInput(input);
  return prisma.$transaction(async (tx) => {
    const sweep = await tx.sweep.create({
      data: {
        ...settings,
        createdBy,
        runs: { create: cells.map((cell) => ({ ...cell, seed: settings.seed })) },
      },
      include: { runs: { orderBy: { id: 'asc' } } },
    });
    for (const run of sweep.runs) {
      await enqueueRun(tx, run);
      await publishEvent(tx, 'run:updated', { sweepId: sweep.id, runId: run.id, status: run.status });
    }
    return sweep;
  });
}

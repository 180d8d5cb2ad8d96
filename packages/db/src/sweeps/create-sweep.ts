import { orderCoverageFirst, type SweepInput, validateSweepInput } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import { enqueueRun } from '../queue/enqueue-run.js';

/** Options of {@link createSweep}. */
export interface CreateSweepOptions {
  input: SweepInput;
  /** Who asks: `cli`, `api`, `start`. */
  createdBy: string;
}

/**
 * Checks a sweep, stores it with one queued run per cell and repeat, and queues the runs
 * for the workers, all in one transaction: a refused or failed request leaves nothing
 * behind. Repeat r of every cell trains with seed `seed + r - 1`, so repeats differ and
 * each run's seed is on record. Runs are queued coverage-first (the grid's corners and
 * centre before the cells between, every cell once before any repeat), so the first runs
 * to finish already span the grid. The terminal and the API both call this.
 * @throws {SweepscopeError} BAD_USER_INPUT before anything is written
 */
export async function createSweep(prisma: PrismaClient, { input, createdBy }: CreateSweepOptions) {
  const { cells, ...settings } = validateSweepInput(input);
  const repeats = Array.from({ length: settings.repeats }, (_, index) => index + 1);
  return prisma.$transaction(async (tx) => {
    const sweep = await tx.sweep.create({
      data: {
        ...settings,
        createdBy,
        runs: {
          create: repeats.flatMap((repeat) => cells.map((cell) => ({ ...cell, repeat, seed: settings.seed + repeat - 1 }))),
        },
      },
      include: { runs: { orderBy: { id: 'asc' } } },
    });
    const queueOrder = repeats.flatMap((repeat) => orderCoverageFirst(sweep.runs.filter((run) => run.repeat === repeat)));
    for (const [place, run] of queueOrder.entries()) {
      await enqueueRun(tx, run, place);
      await publishEvent(tx, 'run:updated', { sweepId: sweep.id, runId: run.id, status: run.status });
    }
    return sweep;
  });
}

import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * Deletes a sweep with its runs, epochs, checkpoints and event log, and takes its queued
 * runs off the queue. Refused while any run trains: cancel the sweep first. The run rows
 * are locked first, so a worker about to start one waits, then finds it gone.
 * @throws {SweepscopeError} NOT_FOUND for an unknown sweep; CONFLICT while a run is running
 *   or for a built-in sweep
 */
export async function deleteSweep(prisma: PrismaClient, sweepId: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const sweep = await tx.sweep.findUnique({ where: { id: sweepId }, select: { name: true, builtIn: true } });
    if (!sweep) throw new SweepscopeError(ErrorCode.NotFound, `Sweep ${sweepId} does not exist: check the id (the sweeps query lists them).`);
    if (sweep.builtIn !== null) {
      throw new SweepscopeError(ErrorCode.Conflict, `Sweep ${sweepId} ("${sweep.name}") is built in and cannot be deleted.`);
    }
    const runs = await tx.$queryRaw<{ id: number; status: string }[]>`
      SELECT id, status::text FROM "Run" WHERE "sweepId" = ${sweepId} ORDER BY id FOR UPDATE`;
    const running = runs.filter((run) => run.status === 'running');
    if (running.length > 0) {
      throw new SweepscopeError(
        ErrorCode.Conflict,
        `Sweep ${sweepId} has ${running.length} run(s) training (${running.map((run) => run.id).join(', ')}): cancel the sweep first, then delete it.`,
      );
    }
    for (const run of runs.filter((r) => r.status === 'queued')) {
      await tx.$executeRaw`SELECT graphile_worker.remove_job(${`run:${run.id}`})`;
    }
    await tx.sweep.delete({ where: { id: sweepId } });
  });
}

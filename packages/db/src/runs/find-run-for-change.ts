import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Reads a run a person wants to change and locks its row until the transaction ends, so a
 * worker starting or finishing it waits rather than racing the change.
 * @param action what the person asked, for the messages (`cancel`, `retry`)
 * @throws {SweepscopeError} NOT_FOUND for an unknown run; CONFLICT when its sweep is read-only
 */
export async function findRunForChange(tx: Prisma.TransactionClient, runId: number, action: string) {
  const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Run" WHERE id = ${runId} FOR UPDATE`;
  if (!locked) throw new SweepscopeError(ErrorCode.NotFound, `Run ${runId} does not exist: check the id (the sweep's runs list them).`);
  const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, include: { sweep: { select: { readOnly: true, name: true } } } });
  if (run.sweep.readOnly) {
    throw new SweepscopeError(ErrorCode.Conflict, `Run ${runId} belongs to "${run.sweep.name}", a read-only sweep: its runs cannot ${action}.`);
  }
  return run;
}

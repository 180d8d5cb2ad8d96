import { type AnnotationsChange, validateAnnotations } from '@sweepscope/core';
import type { PrismaClient, Run } from '../generated/prisma/client.js';
import { findRunForChange } from './find-run-for-change.js';

/**
 * Changes a run's tags or notes, at any time, training or not: they describe the run and
 * change nothing it trains.
 * @param nameOf names a field as the caller's user knows it, in messages @default unchanged
 * @returns the run as stored after the change
 * @throws {SweepscopeError} BAD_USER_INPUT for a value refused (the field and its limit named);
 *   NOT_FOUND for an unknown run; CONFLICT when its sweep is read-only
 */
export async function updateRun(
  prisma: PrismaClient,
  runId: number,
  change: AnnotationsChange,
  nameOf: (field: string) => string = (field) => field,
): Promise<Run> {
  const data = validateAnnotations(change, nameOf);
  return prisma.$transaction(async (tx) => {
    await findRunForChange(tx, runId, 'be edited');
    return tx.run.update({ where: { id: runId }, data });
  });
}

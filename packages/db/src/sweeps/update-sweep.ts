import { type AnnotationsChange, validateAnnotations, validateName } from '@sweepscope/core';
import type { PrismaClient, Sweep } from '../generated/prisma/client.js';
import { lockWritableSweep } from './lock-writable-sweep.js';

/** What {@link updateSweep} changes: only the fields given. */
export interface SweepChange extends AnnotationsChange {
  name?: string;
}

/**
 * Renames a sweep or changes its tags or notes, checked as `createSweep` checks them, at any
 * time, training or not: they describe the sweep and change nothing it trains.
 * @param nameOf names a field as the caller's user knows it, in messages @default unchanged
 * @returns the sweep as stored after the change
 * @throws {SweepscopeError} BAD_USER_INPUT for a value refused (the field and its limit named);
 *   NOT_FOUND for an unknown sweep; CONFLICT for a read-only one
 */
export async function updateSweep(
  prisma: PrismaClient,
  sweepId: number,
  change: SweepChange,
  nameOf: (field: string) => string = (field) => field,
): Promise<Sweep> {
  const data = { ...(change.name === undefined ? {} : { name: validateName(change.name, nameOf('name')) }), ...validateAnnotations(change, nameOf) };
  return prisma.$transaction(async (tx) => {
    await lockWritableSweep(tx, sweepId, { action: 'edit', field: nameOf('id') });
    return tx.sweep.update({ where: { id: sweepId }, data });
  });
}

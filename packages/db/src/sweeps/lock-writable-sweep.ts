import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { Prisma, Sweep } from '../generated/prisma/client.js';

/** Options of {@link lockWritableSweep}. */
export interface LockWritableSweepOptions {
  /** What the caller is about to do, to end the refusal's sentence: `import results into`, `cancel`. */
  action: string;
  /** The input that named the sweep, for the error's `field`: `sweepId`, `--sweep`. @default none */
  field?: string;
}

/**
 * Finds a sweep whose runs may be changed and locks its row until the transaction ends, so
 * that changes to one sweep's runs (an import choosing free repeats, a cancel, a retry)
 * take turns. The lock (`FOR NO KEY UPDATE`) does not block workers storing epochs.
 * Read-only sweeps, such as the built-in reference study, are refused.
 * @param tx the transaction the change is made in
 * @returns the sweep
 * @throws {SweepscopeError} NOT_FOUND when there is no such sweep; CONFLICT when it is read-only
 */
export async function lockWritableSweep(tx: Prisma.TransactionClient, sweepId: number, options: LockWritableSweepOptions): Promise<Sweep> {
  const field = options.field === undefined ? {} : { field: [options.field] };
  // An id past the column's range names no sweep; asking would fail as a database error.
  const locked =
    Number.isSafeInteger(sweepId) && sweepId >= 1 && sweepId <= 2 ** 31 - 1
      ? await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Sweep" WHERE id = ${sweepId}::int FOR NO KEY UPDATE`
      : [];
  const sweep = locked.length === 0 ? null : await tx.sweep.findUnique({ where: { id: sweepId } });
  if (sweep === null) {
    throw new SweepscopeError(ErrorCode.NotFound, `Sweep ${sweepId} does not exist: expected the id of a sweep to ${options.action}.`, field);
  }
  if (sweep.readOnly) {
    throw new SweepscopeError(
      ErrorCode.Conflict,
      `Sweep ${sweepId} ("${sweep.name}") is read-only, a built-in record: expected a sweep of your own to ${options.action}.`,
      field,
    );
  }
  return sweep;
}

import type { Prisma, Run } from '../generated/prisma/client.js';
import { publishEvent } from '../events/publish-event.js';
import type { FinalRunStatus } from '../runs/finish-run.js';
import type { ResultEpoch } from './epoch-row.js';

/** Options of {@link storeImportedRun}. */
export interface StoreImportedRunOptions {
  sweepId: number;
  batchSize: number;
  learningRate: number;
  repeat: number;
  /** The seed on record: imported results do not say theirs. */
  seed: number;
  /** How it ended, as the results say. */
  status: FinalRunStatus;
  /** Its epochs, stored as they are (numbered as given) under attempt 1. */
  epochs: readonly ResultEpoch[];
  /** Where the results came from: a file's name, `api`, `seed-experiment.md`. */
  importedFrom: string;
}

/**
 * Stores one run trained elsewhere, already ended: the run with the status the results give on attempt 1
 * with `importedFrom` set and `finishedAt` now, and its epochs; it announces the run, then
 * each epoch, through {@link publishEvent}, so live views and replays see an imported run as
 * they see a trained one. Runs inside the caller's transaction and queues no job.
 * @returns the stored run
 */
export async function storeImportedRun(tx: Prisma.TransactionClient, options: StoreImportedRunOptions): Promise<Run> {
  const { sweepId, epochs, ...cell } = options;
  const run = await tx.run.create({ data: { sweepId, ...cell, attempt: 1, finishedAt: new Date() } });
  await publishEvent(tx, 'run:updated', { sweepId, runId: run.id, status: run.status });
  const rows = await tx.epoch.createManyAndReturn({
    data: epochs.map((epoch) => ({ ...epoch, runId: run.id, attempt: run.attempt })),
  });
  for (const { id, createdAt: _createdAt, ...stored } of rows.toSorted((a, b) => a.epoch - b.epoch)) {
    await publishEvent(tx, 'epoch:added', { ...stored, sweepId, epochId: id });
  }
  return run;
}

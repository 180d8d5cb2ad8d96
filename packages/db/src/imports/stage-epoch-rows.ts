import { clearLogs } from '@prisma/debug';
import type { Prisma } from '../generated/prisma/client.js';
import type { LocatedEpochRow } from './epoch-row.js';

/**
 * Makes the import's staging table: every row read, with its place in the content, held by
 * PostgreSQL rather than in memory so that an import of any size runs in constant memory.
 * It lives in the caller's transaction and is dropped when it ends.
 */
export async function createStagingTable(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`
    CREATE TEMPORARY TABLE import_row (
      ord int NOT NULL, place int NOT NULL, status text NOT NULL, tags text NOT NULL, notes text NOT NULL,
      batch_size int NOT NULL, learning_rate float8 NOT NULL, repeat int NOT NULL, epoch int NOT NULL,
      loss float8 NOT NULL, accuracy float8 NOT NULL, val_loss float8 NOT NULL, val_accuracy float8 NOT NULL,
      duration_ms int, images_per_second float8, noise_scale float8
    ) ON COMMIT DROP`);
}

/**
 * Adds rows to the staging table in one statement. @prisma/adapter-pg logs every query with
 * its parameters to @prisma/debug, which keeps the last 100 whether debugging is on or not (a
 * heap snapshot of a million-row import traced half a million retained rows to it), so the
 * history is emptied after each: it would otherwise hold the last 100 batches.
 * @param first the place of the first row in the content, 1-based
 */
export async function stageRows(tx: Prisma.TransactionClient, rows: readonly LocatedEpochRow[], first: number): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(read: (located: LocatedEpochRow, index: number) => T): T[] => rows.map(read);
  await tx.$executeRaw`
    INSERT INTO import_row
    SELECT * FROM unnest(
      ${column((_, index) => first + index)}::int[], ${column((r) => r.place)}::int[], ${column((r) => r.status)}::text[],
      ${column((r) => r.tags)}::text[], ${column((r) => r.notes)}::text[],
      ${column((r) => r.row.batchSize)}::int[], ${column((r) => r.row.learningRate)}::float8[], ${column((r) => r.row.repeat)}::int[],
      ${column((r) => r.row.epoch)}::int[], ${column((r) => r.row.loss)}::float8[], ${column((r) => r.row.accuracy)}::float8[],
      ${column((r) => r.row.valLoss)}::float8[], ${column((r) => r.row.valAccuracy)}::float8[],
      ${column((r) => r.row.durationMs)}::int[], ${column((r) => r.row.imagesPerSecond)}::float8[], ${column((r) => r.row.noiseScale ?? null)}::float8[])`;
  clearLogs();
}

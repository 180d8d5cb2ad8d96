import { eventChannels } from '@sweepscope/core';
import { lockEventLog } from '../events/publish-event.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { StagedRun } from './read-staged-runs.js';

/** A staged run as it will be stored: at its repeat in the sweep, which may differ from the content's. */
export interface RunToStore {
  staged: StagedRun;
  repeat: number;
  /** The seed on record: imported results do not say theirs. */
  seed: number;
}

/**
 * Stores staged runs, already ended, in a few statements whatever their number: each run
 * with its status, tags and notes on attempt 1, `importedFrom` set and `finishedAt` now, its epochs from the
 * staging table, and in the sweep's event log each run's `run:updated` followed by its
 * `epoch:added` in epoch order, as training would have written them. Rather than a NOTIFY
 * per event, one `sweep:logged` tells live readers to replay the log. Runs inside the
 * caller's transaction and queues no job.
 * @param runs in the order to store them
 * @returns the ids of the stored runs, in that order
 */
export async function storeStagedRuns(tx: Prisma.TransactionClient, sweepId: number, runs: readonly RunToStore[], importedFrom: string): Promise<number[]> {
  const column = <T>(read: (run: RunToStore, index: number) => T): T[] => runs.map(read);
  await tx.$executeRawUnsafe(`
    CREATE TEMPORARY TABLE import_run (
      position int NOT NULL, batch_size int NOT NULL, learning_rate float8 NOT NULL, file_repeat int NOT NULL,
      repeat int NOT NULL, seed int NOT NULL, status text NOT NULL, tags text[] NOT NULL, notes text NOT NULL, run_id int
    ) ON COMMIT DROP`);
  await tx.$executeRaw`
    INSERT INTO import_run (position, batch_size, learning_rate, file_repeat, repeat, seed, status, tags, notes)
    SELECT position, batch_size, learning_rate, file_repeat, repeat, seed, status, string_to_array(tags, ','), notes FROM unnest(
      ${column((_, index) => index)}::int[], ${column((run) => run.staged.batchSize)}::int[], ${column((run) => run.staged.learningRate)}::float8[],
      ${column((run) => run.staged.repeat)}::int[], ${column((run) => run.repeat)}::int[], ${column((run) => run.seed)}::int[],
      ${column((run) => run.staged.status)}::text[], ${column((run) => run.staged.tags.join(','))}::text[], ${column((run) => run.staged.notes)}::text[]
    ) AS given (position, batch_size, learning_rate, file_repeat, repeat, seed, status, tags, notes)`;
  // A sweep holds a cell's repeat once, so cell and stored repeat find the run just made.
  await tx.$executeRaw`
    WITH made AS (
      INSERT INTO "Run" ("sweepId", "batchSize", "learningRate", "repeat", "seed", "status", "attempt", "importedFrom", "finishedAt", "tags", "notes")
      SELECT ${sweepId}, batch_size, learning_rate, repeat, seed, status::"RunStatus", 1, ${importedFrom}, now(), tags, notes
      FROM import_run ORDER BY position
      RETURNING id, "batchSize", "learningRate", "repeat"
    )
    UPDATE import_run SET run_id = made.id FROM made
    WHERE made."batchSize" = import_run.batch_size AND made."learningRate" = import_run.learning_rate AND made."repeat" = import_run.repeat`;
  await tx.$executeRaw`
    INSERT INTO "Epoch" ("runId", "attempt", "epoch", "loss", "accuracy", "valLoss", "valAccuracy", "durationMs", "imagesPerSecond", "noiseScale")
    SELECT run.run_id, 1, row.epoch, row.loss, row.accuracy, row.val_loss, row.val_accuracy, row.duration_ms, row.images_per_second, row.noise_scale
    FROM import_row row JOIN import_run run
      ON row.batch_size = run.batch_size AND row.learning_rate = run.learning_rate AND row.repeat = run.file_repeat`;
  await lockEventLog(tx, sweepId);
  await tx.$executeRaw`
    INSERT INTO "SweepEvent" ("sweepId", "runId", "name", "payload")
    SELECT ${sweepId}, run_id, name, payload FROM (
      SELECT run.position, 0 AS epoch, run.run_id, 'run:updated' AS name,
        jsonb_build_object('sweepId', ${sweepId}::int, 'runId', run.run_id, 'status', run.status) AS payload
      FROM import_run run
      UNION ALL
      SELECT run.position, epoch.epoch, run.run_id, 'epoch:added',
        jsonb_build_object(
          'sweepId', ${sweepId}::int, 'runId', run.run_id, 'epochId', epoch.id, 'attempt', epoch.attempt, 'epoch', epoch.epoch,
          'loss', epoch.loss, 'accuracy', epoch.accuracy, 'valLoss', epoch."valLoss", 'valAccuracy', epoch."valAccuracy",
          'durationMs', epoch."durationMs", 'imagesPerSecond', epoch."imagesPerSecond", 'noiseScale', epoch."noiseScale")
      FROM import_run run JOIN "Epoch" epoch ON epoch."runId" = run.run_id
    ) events
    ORDER BY position, epoch`;
  await tx.$executeRaw`SELECT pg_notify(${eventChannels['sweep:logged']}, ${JSON.stringify({ sweepId })})`;
  const stored = await tx.$queryRaw<{ run_id: number }[]>`SELECT run_id FROM import_run ORDER BY position`;
  return stored.map((run) => run.run_id);
}

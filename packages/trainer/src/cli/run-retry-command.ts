import { connectDatabase } from '@sweepscope/db';
import { retryRun } from '@sweepscope/db/runs';
import type { TrainCommand } from './parse-train-args.js';

/** Options of {@link runRetryCommand}. */
export interface RunRetryCommandOptions {
  command: Extract<TrainCommand, { kind: 'retry' }>;
  write: (line: string) => void;
}

/**
 * `sweepscope-train retry RUN_ID [--from-scratch]`: queues a failed, diverged or cancelled
 * run again through the service the API's `retryRun` calls, and says how it will go on.
 * A worker (`npm start`, `sweepscope-train worker`) trains it.
 * @returns the exit status, 0
 * @throws {SweepscopeError} NOT_FOUND for an unknown run; CONFLICT when it is queued,
 *   running or succeeded, or its sweep is read-only
 */
export async function runRetryCommand({ command, write }: RunRetryCommandOptions): Promise<number> {
  const database = await connectDatabase();
  try {
    const run = await retryRun(database.prisma, command.runId, { fromScratch: command.fromScratch });
    const how =
      run.resumesAfterEpoch === 0
        ? `from epoch 1 as attempt ${run.attempt}`
        : `from epoch ${run.resumesAfterEpoch + 1} of attempt ${run.attempt}, keeping its epochs`;
    write(`run ${run.id} (batch ${run.batchSize}, lr ${run.learningRate}) is queued again: a worker will train it ${how}.`);
    return 0;
  } finally {
    await database.close();
  }
}

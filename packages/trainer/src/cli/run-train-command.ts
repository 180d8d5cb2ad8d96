import { createPrisma, openDatabase } from '@sweepscope/db';
import { listenForEvents } from '@sweepscope/db/events';
import { createSweep, validateSweepInput, type SweepInput } from '@sweepscope/db/sweeps';
import { coerceError, ErrorCode, SweepscopeError } from '@sweepscope/db/errors';
import { selectBackend, type BackendPreference } from '../backend/select-backend.js';
import { startWorker, type TrainingWorker } from '../worker/index.js';
import { formatResultsTable } from './format-results-table.js';
import { flagForField } from './parse-train-args.js';
import { readResults } from './read-results.js';
import { watchSweep } from './watch-sweep.js';

/** Options of {@link runTrainCommand}. */
export interface RunTrainCommandOptions {
  sweep: SweepInput;
  backend: BackendPreference;
  write: (line: string) => void;
  /** Fires on Ctrl-C: the runs in training go back in the queue. */
  signal: AbortSignal;
}

/**
 * Queues a sweep, trains it with a worker in this process (workers elsewhere on the same
 * database help), prints every epoch and a final table.
 * @returns the exit status: 0 when every run ended, 1 when a run failed with an error, 130 when interrupted
 * @throws {SweepscopeError} BAD_USER_INPUT (a value, or a backend that cannot load) before anything is written
 */
export async function runTrainCommand(options: RunTrainCommandOptions): Promise<number> {
  const { write } = options;
  // Input and backend are checked before the database is opened, so a refusal leaves nothing behind.
  validateSweepInput(options.sweep, { fieldName: flagForField });
  const backend = await selectBackend(options.backend).catch((error: unknown) => {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `--backend ${options.backend} cannot be used here: ${coerceError(error).message}. Use --backend auto to take the best one that loads.`,
      { cause: error, field: ['--backend'] },
    );
  });
  write(`backend: ${backend.name} (${backend.reason})`);

  const database = await openDatabase();
  const prisma = createPrisma(database.url);
  const events = await listenForEvents(database.url);
  let worker: TrainingWorker | undefined;
  try {
    const sweep = await createSweep(prisma, { input: options.sweep, createdBy: 'cli' });
    write(`sweep ${sweep.id} "${sweep.name}": ${sweep.runs.length} runs × ${sweep.epochs} epochs on ${sweep.dataset}`);
    // This worker trains only this sweep, so it is not kept waiting behind older ones;
    // workers started elsewhere help with any sweep.
    worker = await startWorker({ connectionString: database.url, backend: backend.name as BackendPreference, onlySweepId: sweep.id });
    await watchSweep({ prisma, events, sweepId: sweep.id, epochs: sweep.epochs, write, signal: options.signal });
    const rows = await readResults(prisma, sweep.id);
    write('');
    write(formatResultsTable(rows));
    if (options.signal.aborted) return 130;
    return rows.some((row) => row.status === 'failed') ? 1 : 0;
  } finally {
    await worker?.stop();
    await events.close();
    await prisma.$disconnect();
    await database.close();
  }
}

import { openDatabase } from '@sweepscope/db';
import { resolveLeaseSettings } from '@sweepscope/db/leases';
import type { BackendPreference } from '../backend/select-backend.js';
import { startWorker } from '../worker/index.js';

/**
 * Trains queued runs until `signal` fires; the run in training then goes back in the queue.
 * A worker started by a terminal's sweep (with an IPC channel, see `startWorkerProcesses`)
 * also stops when that terminal goes away, so no worker outlives the command it served.
 * @returns the exit status
 */
export async function runWorkerCommand(options: {
  backend: BackendPreference;
  /** Train only this sweep's runs. @default any sweep */
  sweepId?: number;
  write: (line: string) => void;
  signal: AbortSignal;
}): Promise<number> {
  // Settings from the environment are checked before the database is opened, as flags are.
  const leases = resolveLeaseSettings();
  const database = await openDatabase();
  try {
    // Told to stop while starting (a terminal's sweep can end or be interrupted that soon): take no run.
    if (options.signal.aborted) return 0;
    const worker = await startWorker({
      connectionString: database.url,
      backend: options.backend,
      leases,
      ...(options.sweepId === undefined ? {} : { onlySweepId: options.sweepId }),
    });
    options.write(`worker ${process.pid} ready on ${worker.backend.name} (${worker.backend.reason})`);
    await new Promise((resolve) => {
      if (options.signal.aborted) resolve(undefined);
      options.signal.addEventListener('abort', resolve, { once: true });
      process.once('disconnect', resolve);
    });
    await worker.stop();
    return 0;
  } finally {
    await database.close();
    // The channel to a parent would keep this process alive.
    if (process.connected) process.disconnect();
  }
}

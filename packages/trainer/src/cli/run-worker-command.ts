import { openDatabase } from '@sweepscope/db';
import { resolveLeaseSettings } from '@sweepscope/db/leases';
import { onEngineLost } from '../backend/engine-faults.js';
import type { BackendPreference } from '../backend/select-backend.js';
import { startWorker } from '../worker/index.js';

/** The exit status of a worker whose engine was lost (sysexits' EX_TEMPFAIL: try again). */
export const ENGINE_LOST_STATUS = 75;

/**
 * Trains queued runs until `signal` fires; the run in training then goes back in the queue.
 * A worker started by a terminal's sweep (with an IPC channel, see `startWorkerProcesses`)
 * also stops when that terminal goes away, so no worker outlives the command it served.
 * A worker whose GPU device is lost exits at once with {@link ENGINE_LOST_STATUS}, as a
 * crashed worker would: its run is taken back and resumes from its checkpoint on another
 * worker (a terminal's sweep starts one in its place, with a new device), instead of failing
 * there, and so does every run it would have taken.
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
  onEngineLost((description) => {
    options.write(`worker ${process.pid}: ${description}; exiting, so that its run resumes on another worker`);
    process.exit(ENGINE_LOST_STATUS);
  });
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

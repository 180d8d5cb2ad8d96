import { openDatabase } from '@sweepscope/db';
import { resolveLeaseSettings } from '@sweepscope/db/leases';
import type { BackendPreference } from '../backend/select-backend.js';
import { startWorker } from '../worker/index.js';

/** The exit status of a worker that stopped for its engine's fault (sysexits' EX_TEMPFAIL: try again). */
const ENGINE_FAULT_STATUS = 75;

/**
 * Trains queued runs until `signal` fires; the run in training then goes back in the queue.
 * A worker started by a terminal's sweep (with an IPC channel, see `startWorkerProcesses`)
 * also stops when that terminal goes away, so no worker outlives the command it served.
 * A worker whose engine reported a fault (a GPU out of memory, a lost GPU device) stops
 * once that run is dealt with and exits with status 75: only a new process gets a new
 * device, and TensorFlow.js' WebGPU backend keeps the buffers of one run, failed ones
 * included, for the next. A terminal's sweep starts another worker in its place, and
 * takes back a run the lost device left.
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
    let engineFault: string | undefined;
    let stopWaiting = (): void => undefined;
    const worker = await startWorker({
      connectionString: database.url,
      backend: options.backend,
      leases,
      ...(options.sweepId === undefined ? {} : { onlySweepId: options.sweepId }),
      onEngineFault: (description) => {
        engineFault ??= description;
        stopWaiting();
      },
    });
    options.write(`worker ${process.pid} ready on ${worker.backend.name} (${worker.backend.reason})`);
    await new Promise<void>((resolve) => {
      stopWaiting = resolve;
      if (options.signal.aborted || engineFault !== undefined) resolve();
      options.signal.addEventListener('abort', () => resolve(), { once: true });
      process.once('disconnect', () => resolve());
    });
    await worker.stop();
    if (engineFault === undefined) return 0;
    // On stderr, whose last line a terminal's sweep keeps as the reason the worker ended.
    process.stderr.write(`worker ${process.pid} stopped: ${engineFault}\n`);
    return ENGINE_FAULT_STATUS;
  } finally {
    await database.close();
    // The channel to a parent would keep this process alive.
    if (process.connected) process.disconnect();
  }
}

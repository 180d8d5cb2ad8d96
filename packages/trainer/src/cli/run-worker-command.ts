import { openDatabase } from '@sweepscope/db';
import type { BackendPreference } from '../backend/select-backend.js';
import { startWorker } from '../worker/index.js';

/**
 * Trains queued runs until `signal` fires; the run in training then goes back in the queue.
 * @returns the exit status
 */
export async function runWorkerCommand(options: {
  backend: BackendPreference;
  write: (line: string) => void;
  signal: AbortSignal;
}): Promise<number> {
  const database = await openDatabase();
  const worker = await startWorker({ connectionString: database.url, backend: options.backend });
  options.write(`worker ${process.pid} ready on ${worker.backend.name} (${worker.backend.reason})`);
  await new Promise((resolve) => options.signal.addEventListener('abort', resolve, { once: true }));
  await worker.stop();
  await database.close();
  return 0;
}

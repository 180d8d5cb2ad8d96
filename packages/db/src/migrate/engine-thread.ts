import { parentPort, workerData } from 'node:worker_threads';
import { performEngineTask, type EngineTask } from './engine-tasks.js';

// Entry of the thread that runs the schema engine (see run-engine-task.ts for why a thread).
performEngineTask(workerData as EngineTask).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: unknown) =>
    parentPort?.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: (error as { code?: unknown }).code,
    }),
);

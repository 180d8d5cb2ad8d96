import { Worker } from 'node:worker_threads';
import type { EngineTask } from './engine-tasks.js';

type EngineReply = { ok: true; result: string[] | string } | { ok: false; message: string; code?: string };

/**
 * Runs a schema engine task in a thread of its own and ends the thread after. The engine
 * leaves a 10-second timer behind (its migration lock timeout) that would otherwise keep
 * every process that migrated alive for 10 seconds after its work is done.
 * @throws Error with the engine's message and Prisma error `code` (e.g. P3006)
 */
export async function runEngineTask(task: EngineTask): Promise<string[] | string> {
  // Run from source (tests, through tsx) the entry is a .ts file, and a thread does not
  // inherit tsx's loader: it registers it before importing the entry.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./engine-thread${fromSource ? '.ts' : '.js'}`, import.meta.url);
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`, {
        eval: true,
        workerData: task,
      })
    : new Worker(entry, { workerData: task });
  try {
    const reply = await new Promise<EngineReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The schema engine thread exited with code ${code} before answering.`)));
    });
    if (!reply.ok) throw Object.assign(new Error(reply.message), { code: reply.code });
    return reply.result;
  } finally {
    await worker.terminate();
  }
}

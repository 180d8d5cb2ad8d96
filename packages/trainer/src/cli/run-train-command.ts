import { availableParallelism } from 'node:os';
import { connectDatabase } from '@sweepscope/db';
import { listenForEvents } from '@sweepscope/db/events';
import { resolveLeaseSettings } from '@sweepscope/db/leases';
import { cancelRuns } from '@sweepscope/db/runs';
import type { SweepInput } from '@sweepscope/core';
import { createSweep } from '@sweepscope/db/sweeps';
import type { BackendPreference } from '../backend/select-backend.js';
import { createDatasetCache } from '../worker/dataset-cache.js';
import { startWorkerProcesses, type WorkerProcesses } from '../processes/index.js';
import { checkSweep } from './check-sweep.js';
import { selectBackendFlag } from './select-backend-flag.js';
import { formatResultsTable } from './format-results-table.js';
import type { ProgressOutput } from './progress-display.js';
import { readResults } from './read-results.js';
import { watchSweep } from './watch-sweep.js';

/** Options of {@link runTrainCommand}. */
export interface RunTrainCommandOptions {
  sweep: SweepInput;
  backend: BackendPreference;
  /** Print the results as one JSON document on `stdout`, and progress on `stderr`. */
  json: boolean;
  /** Worker processes training the sweep, at most one per run. @default one per core */
  workers?: number;
  stdout: ProgressOutput;
  stderr: ProgressOutput;
  /** Fires on Ctrl-C: the sweep's unfinished runs are cancelled. */
  signal: AbortSignal;
}

/**
 * Queues a sweep, trains it with worker processes of its own, one per core unless told
 * otherwise (workers elsewhere on the same database help), shows its progress, and prints
 * the results table or JSON. A worker that dies is replaced, and its run resumes from its
 * last checkpoint on another.
 * Everything that can be refused — every value, the data set, the weights, the backend — is
 * checked before the database is opened, so a refusal leaves nothing behind.
 * @returns the exit status: 0 when every run ended, 1 when a run failed with an error, 130 when interrupted
 * @throws {SweepscopeError} BAD_USER_INPUT naming the value and what is accepted
 */
export async function runTrainCommand(options: RunTrainCommandOptions): Promise<number> {
  const progress = options.json ? options.stderr : options.stdout;
  const say = (line: string): void => void progress.write(`${line}\n`);

  const backend = await selectBackendFlag(options.backend);
  // Settings from the environment are checked before anything is stored, as flags are.
  const { maxCrashes } = resolveLeaseSettings();
  const datasets = createDatasetCache();
  const { settings, dataset } = await checkSweep({ input: options.sweep, datasets, onStatus: say });
  say(`backend: ${backend.name} (${backend.reason})`);

  const database = await connectDatabase();
  const { prisma } = database;
  const events = await listenForEvents(database.url);
  let workers: WorkerProcesses | undefined;
  try {
    const sweep = await createSweep(prisma, { input: options.sweep, createdBy: 'cli' });
    say(
      `sweep ${sweep.id} "${sweep.name}" (preset ${settings.preset}): ${sweep.runs.length} runs × ${sweep.epochs} epochs on ` +
        `${sweep.dataset}, ${dataset.train.count} training and ${dataset.val.count} validation images, ` +
        `MobileNetV2 α ${sweep.alpha} at ${sweep.inputSize}×${sweep.inputSize}`,
    );
    // These workers train only this sweep, so it is not kept waiting behind older ones;
    // workers started elsewhere help with any sweep.
    const count = Math.min(options.workers ?? availableParallelism(), sweep.runs.length);
    workers = startWorkerProcesses({
      count,
      sweepId: sweep.id,
      backend: backend.name as BackendPreference,
      databaseUrl: database.url,
      prisma,
      onLine: say,
      maxReplacements: sweep.runs.length * maxCrashes,
    });
    say(`training with ${count} worker process${count === 1 ? '' : 'es'} (${workers.pids().join(', ')})`);
    // Watching ends when every run has ended, on Ctrl-C, or when the workers give up.
    const gaveUp = new AbortController();
    workers.failure.catch(() => gaveUp.abort());
    const signal = AbortSignal.any([options.signal, gaveUp.signal]);
    await Promise.race([watchSweep({ prisma, events, sweepId: sweep.id, epochs: sweep.epochs, output: progress, signal }), workers.failure]);
    if (options.signal.aborted) {
      // The workers stop first and give their runs back, which are then cancelled with the rest.
      await workers.stop();
      workers = undefined;
      const cancelled = await cancelRuns(prisma, sweep.id);
      say(`cancelled ${cancelled.length} unfinished run${cancelled.length === 1 ? '' : 's'}`);
    }
    const rows = await readResults(prisma, sweep.id);
    const skipped = dataset.skipped;
    if (options.json) {
      const { cells: _cells, ...sweepSettings } = settings;
      options.stdout.write(`${JSON.stringify({ sweep: { id: sweep.id, ...sweepSettings }, runs: rows, skippedImages: skipped }, null, 2)}\n`);
    } else {
      say('');
      say(formatResultsTable(rows));
    }
    if (skipped.length > 0) {
      say(`skipped ${skipped.length} unreadable image${skipped.length === 1 ? '' : 's'}:`);
      for (const image of skipped.slice(0, 20)) say(`  ${image.path}: ${image.reason}`);
      if (skipped.length > 20) say(`  … and ${skipped.length - 20} more`);
    }
    if (options.signal.aborted) return 130;
    return rows.some((row) => row.status === 'failed') ? 1 : 0;
  } finally {
    await workers?.stop();
    await events.close();
    await database.close();
  }
}

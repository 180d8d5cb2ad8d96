import { hostname } from 'node:os';
import { createPrisma, logErrorsOnly, sweepFlag, trainRunTask, type PrismaClient } from '@sweepscope/db';
import { resolveLeaseSettings, startReclaimer, type LeaseSettings } from '@sweepscope/db/leases';
import { readSweepsWithQueuedRuns } from '@sweepscope/db/sweeps';
import { run } from 'graphile-worker';
import { selectBackend, type BackendPreference, type SelectedBackend } from '../backend/select-backend.js';
import { createDatasetCache } from './dataset-cache.js';
import { makeTrainRunTask } from './train-run-task.js';
import { createWeightsCache } from './weights-cache.js';

/** Options of {@link startWorker}. */
export interface StartWorkerOptions {
  /** PostgreSQL URL of an up-to-date database (see `openDatabase`). */
  connectionString: string;
  /** @default 'auto' */
  backend?: BackendPreference;
  /**
   * Train only this sweep's runs, as the terminal's own worker does, so that a sweep asked
   * for from a terminal is not kept waiting behind older sweeps. @default any sweep
   */
  onlySweepId?: number;
  /** How often to look for queued runs when no notification arrives, in ms. @default 1000 */
  pollIntervalMs?: number;
  /** @default the environment's (see `resolveLeaseSettings`) */
  leases?: LeaseSettings;
  /** Hears what the worker says of runs: leases lost, writes refused, runs taken back from lost workers. @default stderr */
  log?: (line: string) => void;
  /** Hears, once its run is dealt with, of a fault of the engine (see `engine-faults`), after which it should not train again. */
  onEngineFault?: (description: string) => void;
}

/** A worker taking runs from the queue. */
export interface TrainingWorker {
  /** The backend it trains on, and why. */
  backend: SelectedBackend;
  /** The name it stores on the runs it takes: `host:pid`. */
  name: string;
  /** Stops taking runs; a run in training stops at its next batch and goes back in the queue. */
  stop(): Promise<void>;
}

/** Flags of the sweeps with queued runs other than `sweepId`, looked up before each job is taken. */
function otherSweepFlags(prisma: PrismaClient, sweepId: number): () => Promise<string[]> {
  return async () => (await readSweepsWithQueuedRuns(prisma, sweepId)).map(sweepFlag);
}

/**
 * Starts a worker that trains queued runs one at a time, in this process, and takes back
 * the runs of workers that stopped answering, whichever machine they ran on.
 * TensorFlow.js trains on one thread per process, so more parallelism means more processes.
 */
export async function startWorker(options: StartWorkerOptions): Promise<TrainingWorker> {
  const backend = await selectBackend(options.backend ?? 'auto');
  const leases = options.leases ?? resolveLeaseSettings();
  const log = options.log ?? ((line: string) => void process.stderr.write(`worker: ${line}\n`));
  const name = `${hostname()}:${process.pid}`;
  const prisma = createPrisma(options.connectionString);
  const reclaimer = startReclaimer({
    prisma,
    settings: leases,
    onReclaim: (taken) =>
      log(
        `took back run ${taken.runId} (${taken.reason}): ${taken.status === 'queued' ? `queued to resume after epoch ${taken.epochsDone}` : 'failed, having lost its worker too often in one epoch'}`,
      ),
    onFreedJob: (runId) => log(`freed the queue job of run ${runId}, which a lost worker had taken without starting it`),
    onError: (error) => log(`could not look for runs to take back: ${error.message}`),
  });
  const runner = await run({
    connectionString: options.connectionString,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs ?? 1000,
    // Stop means stop: the run in training goes back in the queue at its next batch.
    gracefulShutdownAbortTimeout: 0,
    logger: logErrorsOnly('worker'),
    ...(options.onlySweepId === undefined ? {} : { forbiddenFlags: otherSweepFlags(prisma, options.onlySweepId) }),
    taskList: {
      [trainRunTask]: makeTrainRunTask({
        prisma,
        workerName: name,
        backend,
        datasets: createDatasetCache(),
        weights: createWeightsCache(),
        leases,
        log,
        ...(options.onEngineFault === undefined ? {} : { onEngineFault: options.onEngineFault }),
      }),
    },
  });
  return {
    backend,
    name,
    async stop() {
      await Promise.all([runner.stop(), reclaimer.stop()]);
      await prisma.$disconnect();
    },
  };
}

import type { PrismaClient, TrainRunPayload } from '@sweepscope/db';
import { coerceError, ErrorCode, SweepscopeError } from '@sweepscope/db/errors';
import { finishRun, recordEpoch, requeueRun, startRun } from '@sweepscope/db/runs';
import type { DatasetName } from '@sweepscope/db/sweeps';
import type { Task } from 'graphile-worker';
import type { SelectedBackend } from '../backend/select-backend.js';
import { trainModel } from '../train/train-model.js';
import type { DatasetCache } from './dataset-cache.js';

/** Options of {@link makeTrainRunTask}. */
export interface MakeTrainRunTaskOptions {
  prisma: PrismaClient;
  /** Recorded on each run it takes, e.g. `host:pid`. */
  workerName: string;
  backend: SelectedBackend;
  datasets: DatasetCache;
}

/**
 * The job queue task that trains one run: marks it running, trains it, stores every epoch
 * as it ends, and records how it ended. A run that throws is marked failed with the error;
 * a run stopped because its worker is shutting down goes back in the queue.
 */
export function makeTrainRunTask(options: MakeTrainRunTaskOptions): Task {
  const { prisma } = options;
  return async (payload, helpers) => {
    const runId: unknown = (payload as Partial<TrainRunPayload> | null)?.runId;
    if (typeof runId !== 'number') throw new Error(`train-run job has no numeric runId: ${JSON.stringify(payload)}`);

    let run;
    try {
      run = await startRun(prisma, {
        runId,
        worker: options.workerName,
        backend: options.backend.name,
        backendNote: options.backend.reason,
      });
    } catch (error) {
      // Deleted after it was queued: there is nothing left to train.
      if (error instanceof SweepscopeError && error.code === ErrorCode.NotFound) return;
      throw error;
    }

    try {
      const { sweep } = run;
      const dataset = await options.datasets.get({
        name: sweep.dataset as DatasetName,
        inputSize: sweep.inputSize,
        seed: sweep.seed,
        ...(sweep.trainLimit === null ? {} : { trainLimit: sweep.trainLimit }),
        ...(sweep.valLimit === null ? {} : { valLimit: sweep.valLimit }),
      });
      const result = await trainModel({
        dataset,
        alpha: sweep.alpha,
        batchSize: run.batchSize,
        learningRate: run.learningRate,
        epochs: sweep.epochs,
        seed: run.seed,
        shuffleBuffer: sweep.shuffleBuffer,
        ...(helpers.abortSignal ? { signal: helpers.abortSignal } : {}),
        onEpoch: async (metrics) => {
          await recordEpoch(prisma, run.id, metrics);
        },
      });
      if (result.status === 'aborted') {
        await requeueRun(prisma, run.id);
      } else if (result.status === 'diverged') {
        await finishRun(prisma, run.id, 'diverged', `The loss became NaN or infinite in epoch ${result.epochsDone + 1}.`);
      } else {
        await finishRun(prisma, run.id, 'succeeded');
      }
    } catch (thrown) {
      const error = coerceError(thrown);
      await finishRun(prisma, run.id, 'failed', error.message);
    }
  };
}

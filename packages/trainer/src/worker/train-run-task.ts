import type { PrismaClient, TrainRunPayload } from '@sweepscope/db';
import { coerceError, ErrorCode, SweepscopeError } from '@sweepscope/db/errors';
import { finishRun, readCheckpoint, recordEpoch, reportProgress, requeueRun, startRun } from '@sweepscope/db/runs';
import type { Task } from 'graphile-worker';
import type { SelectedBackend } from '../backend/select-backend.js';
import type { CheckpointState } from '../train/checkpoint.js';
import { trainModel, type BatchProgress } from '../train/train-model.js';
import type { DatasetCache } from './dataset-cache.js';
import { datasetOptionsOf } from './dataset-options.js';
import type { WeightsCache } from './weights-cache.js';

/** Options of {@link makeTrainRunTask}. */
export interface MakeTrainRunTaskOptions {
  prisma: PrismaClient;
  /** Recorded on each run it takes, e.g. `host:pid`. */
  workerName: string;
  backend: SelectedBackend;
  datasets: DatasetCache;
  weights: WeightsCache;
  /** Least time between two progress reports of a run, in ms. @default 1000 */
  progressIntervalMs?: number;
}

/**
 * The job queue task that trains one run: marks it running, trains it — from its last
 * checkpoint when an earlier attempt stopped part-way —, stores every epoch with its
 * checkpoint as it ends, reports progress and the heartbeat about once a second, and records
 * how it ended. A run that throws is marked failed with the error; a run stopped because its
 * worker is shutting down goes back in the queue; a run a person cancelled stops within a
 * beat and stays cancelled.
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

    // Stops training when the worker shuts down, or when the run is found cancelled.
    const stop = new AbortController();
    const stopWithWorker = (): void => stop.abort();
    helpers.abortSignal?.addEventListener('abort', stopWithWorker);
    // A worker told to stop while this run was being marked running has already fired the signal.
    if (helpers.abortSignal?.aborted) stop.abort();
    const cancelledIf = (status: string | undefined): void => {
      if (status === 'cancelled' || status === undefined) stop.abort();
    };
    try {
      const { sweep } = run;
      const dataset = await options.datasets.get(datasetOptionsOf(sweep));
      const checkpoint = await readCheckpoint(prisma, run.id);
      const baseWeights = sweep.weights === null || checkpoint !== null ? undefined : await options.weights.get(sweep.weights);
      const report = throttle(options.progressIntervalMs ?? 1000, (progress: BatchProgress) => {
        reportProgress(prisma, { sweepId: sweep.id, runId: run.id, epochs: sweep.epochs, ...progress })
          .then(cancelledIf)
          .catch((error: unknown) => helpers.logger.error(`progress of run ${run.id} not sent: ${coerceError(error).message}`));
      });
      const result = await trainModel({
        dataset,
        alpha: sweep.alpha,
        batchNormMomentum: sweep.batchNormMomentum,
        batchSize: run.batchSize,
        learningRate: run.learningRate,
        epochs: sweep.epochs,
        seed: run.seed,
        shuffleBuffer: sweep.shuffleBuffer,
        signal: stop.signal,
        ...(baseWeights === undefined ? {} : { baseWeights }),
        ...(checkpoint === null
          ? {}
          : { resume: { epoch: checkpoint.epoch, checkpoint: { weights: checkpoint.weights, state: checkpoint.state as CheckpointState } } }),
        onEpoch: async (metrics, epochCheckpoint) => {
          const stored = await recordEpoch(prisma, run.id, metrics, epochCheckpoint);
          cancelledIf(stored.runStatus);
        },
        onBatch: report,
      });
      if (result.status === 'aborted') {
        // Only a run still running goes back; a cancelled one stays cancelled.
        await requeueRun(prisma, run.id);
      } else if (result.status === 'diverged') {
        await finishRun(prisma, run.id, 'diverged', `The loss became NaN or infinite in epoch ${result.epochsDone + 1}.`);
      } else {
        await finishRun(prisma, run.id, 'succeeded');
      }
    } catch (thrown) {
      await finishRun(prisma, run.id, 'failed', describeFailure(thrown, options.backend.name));
    } finally {
      helpers.abortSignal?.removeEventListener('abort', stopWithWorker);
    }
  };
}

/**
 * Calls `call` at most once per `intervalMs`, always for the first and the last batch of an
 * epoch, so a watcher sees each epoch start and end.
 */
function throttle(intervalMs: number, call: (progress: BatchProgress) => void): (progress: BatchProgress) => void {
  let last = -Infinity;
  return (progress) => {
    const now = performance.now();
    if (now - last < intervalMs && progress.batch !== 1 && progress.batch !== progress.batches) return;
    last = now;
    call(progress);
  };
}

/**
 * The error text stored on a failed run. WebAssembly's own words for running out of its heap
 * ("Aborted()", "table index is out of bounds") name neither the cause nor a way out.
 */
function describeFailure(thrown: unknown, backend: string): string {
  const { message } = coerceError(thrown);
  // WebAssembly.RuntimeError, checked by name: this package's type libraries do not declare WebAssembly.
  if (backend === 'wasm' && thrown instanceof Error && thrown.constructor.name === 'RuntimeError') {
    return (
      `The WebAssembly backend failed (${message}), most likely out of its memory, which is capped at a few GB: ` +
      'use a smaller batch size, α or input size, or --backend cpu.'
    );
  }
  return message;
}

import type { PrismaClient, TrainRunPayload } from '@sweepscope/db';
import { coerceError, ErrorCode, SweepscopeError, type FinalRunStatus } from '@sweepscope/core';
import { classifyDatabaseError } from '@sweepscope/db/errors';
import { renewLease, type LeaseSettings } from '@sweepscope/db/leases';
import { finishRun, readCheckpoint, readEpochs, readPruningBaseline, recordEpoch, releaseRun, reportProgress, startRun } from '@sweepscope/db/runs';
import { recordDataSize } from '@sweepscope/db/sweeps';
import type { Task } from 'graphile-worker';
import { EngineFaultError, EngineLostError } from '../backend/engine-faults.js';
import type { SelectedBackend } from '../backend/select-backend.js';
import type { CheckpointState } from '../train/checkpoint.js';
import type { Divergence } from '../train/find-divergence.js';
import { noiseScaleEvery, trainModel, type BatchProgress } from '../train/train-model.js';
import type { DatasetCache } from './dataset-cache.js';
import { datasetOptionsOf } from './dataset-options.js';
import { keepLease } from './keep-lease.js';
import { createRunWriter } from './run-writer.js';
import { makeStoppingRules, type StopDecision } from './stopping-rules.js';
import type { WeightsCache } from './weights-cache.js';

/** Options of {@link makeTrainRunTask}. */
export interface MakeTrainRunTaskOptions {
  prisma: PrismaClient;
  /** Recorded on each run it takes, e.g. `host:pid`. */
  workerName: string;
  backend: SelectedBackend;
  datasets: DatasetCache;
  weights: WeightsCache;
  leases: LeaseSettings;
  /** Hears what the worker has to say about a run: a lost lease, a refused write. */
  log: (line: string) => void;
  /** Least time between two progress reports of a run, in ms. @default 1000 */
  progressIntervalMs?: number;
  /** Hears of an engine fault once the run it hit is dealt with (see `engine-faults`). */
  onEngineFault?: (description: string) => void;
}

/**
 * The job queue task that trains one run: claims it under a lease, trains it — from its last
 * checkpoint when it was interrupted part-way —, stores every epoch with its checkpoint as it
 * ends, reports progress about once a second, renews the lease every heartbeat, and records
 * how it ended. A run that throws is marked failed with the error; a run stopped because its
 * worker is shutting down goes back in the queue. Once the lease is lost — a person
 * cancelled the run, or the worker stopped answering long enough for another to take it
 * over — every write is refused, and the worker drops the run and goes on. Losing the
 * database is not the run's fault: the worker leaves it, and its lease runs out.
 */
export function makeTrainRunTask(options: MakeTrainRunTaskOptions): Task {
  const { prisma, log } = options;
  const dropped = { refused: 0, unanswered: 0 };
  return async (payload, helpers) => {
    const runId: unknown = (payload as Partial<TrainRunPayload> | null)?.runId;
    if (typeof runId !== 'number') throw new Error(`train-run job has no numeric runId: ${JSON.stringify(payload)}`);

    let started;
    try {
      started = await startRun(prisma, {
        runId,
        worker: options.workerName,
        backend: options.backend.name,
        backendNote: options.backend.reason,
        leaseMs: options.leases.leaseMs,
      });
    } catch (error) {
      // Deleted after it was queued: there is nothing left to train.
      if (error instanceof SweepscopeError && error.code === ErrorCode.NotFound) return;
      throw error;
    }
    // Cancelled, or claimed by another worker, since it was queued.
    if (started === null) return;
    const { run, lease } = started;

    const stop = new AbortController();
    const writer = createRunWriter({
      lease,
      onLost: (why, how) => {
        dropped[how] += 1;
        log(`run ${run.id}: ${why}; dropping it (this worker's writes refused so far: ${dropped.refused}, left unanswered: ${dropped.unanswered})`);
        stop.abort();
      },
      onError: (what, error) => log(`run ${run.id}: ${what} failed: ${error.message}`),
    });
    const stopWithWorker = (): void => stop.abort();
    helpers.abortSignal?.addEventListener('abort', stopWithWorker);
    // A worker told to stop while this run was being claimed has already fired the signal.
    if (helpers.abortSignal?.aborted) stop.abort();
    const stopRenewing = keepLease(() => writer.beat('renewing its lease', (held) => renewLease(prisma, held)), options.leases.heartbeatMs);
    const finish = (status: FinalRunStatus, error?: string, divergence?: Divergence): Promise<void> =>
      writer.write(`recording it ${status}`, (held) => finishRun(prisma, held, status, error, divergence));
    try {
      const { sweep } = run;
      const dataset = await options.datasets.get(datasetOptionsOf(sweep));
      // Where chance lies, for the conclusions: only the data set knows its classes.
      await writer.write('recording its data set’s size', () =>
        recordDataSize(prisma, sweep.id, { classes: dataset.numClasses, valImages: dataset.val.count }),
      );
      const checkpoint = await readCheckpoint(prisma, run.id);
      const rules = makeStoppingRules({
        settings: sweep,
        // What training goes on from: the epochs its checkpoint holds, none when it starts over
        // (an imported run retried here has epochs but no checkpoint).
        history:
          checkpoint === null ? [] : (await readEpochs(prisma, { runId: run.id, attempt: run.attempt })).filter((point) => point.epoch <= checkpoint.epoch),
        batchSize: run.batchSize,
        epochs: sweep.epochs,
        readBaseline: (epoch) => readPruningBaseline(prisma, { sweepId: sweep.id, runId: run.id, batchSize: run.batchSize, epoch }),
      });
      let stopped = await rules.judgeStored();
      if (stopped) {
        await finish(stopped.status, stopped.reason);
        return;
      }
      const baseWeights = sweep.weights === null || checkpoint !== null ? undefined : await options.weights.get(sweep.weights);
      const report = throttle(options.progressIntervalMs ?? 1000, (progress: BatchProgress) => {
        // Progress is superseded by the next report: skipped rather than queued behind a write.
        void writer.beat('its progress report', (held) => reportProgress(prisma, held, { sweepId: sweep.id, epochs: sweep.epochs, ...progress }), true);
      });
      const result = await trainModel({
        dataset,
        alpha: sweep.alpha,
        batchNormMomentum: sweep.batchNormMomentum,
        divergenceFactor: sweep.divergenceFactor,
        batchSize: run.batchSize,
        learningRate: run.learningRate,
        epochs: sweep.epochs,
        seed: run.seed,
        shuffleBuffer: sweep.shuffleBuffer,
        noiseScale: noiseScaleEvery(sweep.noiseScaleInterval),
        signal: stop.signal,
        ...(baseWeights === undefined ? {} : { baseWeights }),
        ...(checkpoint === null
          ? {}
          : { resume: { epoch: checkpoint.epoch, checkpoint: { weights: checkpoint.weights, state: checkpoint.state as CheckpointState } } }),
        onEpoch: async (metrics, epochCheckpoint) => {
          await writer.write(`storing epoch ${metrics.epoch}`, (held) => recordEpoch(prisma, held, metrics, epochCheckpoint));
          if (writer.lost()) return;
          stopped = await rules.judgeEpoch(metrics);
          return stopped ? 'stop' : undefined;
        },
        onBatch: report,
      });
      if (writer.lost()) return;
      if (result.status === 'aborted') {
        await writer.write('giving it back', (held) => releaseRun(prisma, held, `${options.workerName} was stopped and gave it back`));
      } else if (result.status === 'stopped' && stopped) {
        const { status, reason }: StopDecision = stopped;
        await finish(status, reason);
      } else if (result.status === 'diverged') {
        await finish('diverged', describeDivergence(result.divergence, result.epochsDone), result.divergence);
      } else {
        await finish('succeeded');
      }
    } catch (thrown) {
      const unavailable = classifyDatabaseError(thrown);
      if (unavailable) {
        // Its lease runs out, and a worker that still reaches the database resumes it.
        log(`run ${run.id}: lost the database while training it (${coerceError(thrown).message}); leaving it to be taken back when its lease runs out`);
        return;
      }
      if (thrown instanceof EngineLostError) {
        // The machine's fault, not the run's: it resumes on another worker, as after a crash.
        log(`run ${run.id}: ${thrown.message}; leaving it to be taken back`);
      } else {
        await finish('failed', describeFailure(thrown, options.backend.name));
      }
      if (thrown instanceof EngineFaultError) options.onEngineFault?.(thrown.message);
    } finally {
      stopRenewing();
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
 * The error text stored on a diverged run: where it happened, the rule that fired and the
 * loss, e.g. "Diverged in epoch 2, batch 7: the loss exceeded 10 × ln 10 = 23.0 nats, …
 * (loss 8283.4)."
 */
function describeDivergence(divergence: Divergence | undefined, epochsDone: number): string {
  if (divergence === undefined) return `Diverged in epoch ${epochsDone + 1}.`;
  const where = divergence.batch === 0 ? `after epoch ${divergence.epoch}, in validation` : `in epoch ${divergence.epoch}, batch ${divergence.batch}`;
  const loss = Number.isFinite(divergence.loss) ? `; loss ${divergence.loss.toPrecision(5)}` : '';
  return `Diverged ${where}: ${divergence.rule}${loss}.`;
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

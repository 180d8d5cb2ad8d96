import * as tf from '@tensorflow/tfjs';
import { defaultNoiseScaleInterval, type EpochMetrics } from '@sweepscope/core';

import { watchEngineFaults, type EngineFaultWatch } from '../backend/engine-faults.js';
import { countBatches, makeBatches, type Batch, type MakeBatchesOptions } from '../data/batches.js';
import type { Dataset, Split } from '../data/dataset.js';
import { applyBaseWeights } from '../model/apply-base-weights.js';
import type { BaseWeights } from '../model/base-weights.js';
import { buildClassifier } from '../model/build-mobilenet-v2.js';
import { captureCheckpoint, restoreCheckpoint, type Checkpoint } from './checkpoint.js';
import { crossEntropy } from './cross-entropy.js';
import { defaultDivergenceFactor, findDivergence, type Divergence } from './find-divergence.js';
import { estimateGradientNoise, NoiseScaleTracker, type GradientNormPair } from './gradient-noise-scale.js';
import { keepNonTrainableWeights } from './keep-non-trainable-weights.js';
import { measureHalfBatchNorms } from './measure-half-batch-norms.js';
import { SgdOptimizer } from './sgd-optimizer.js';

export type { EpochMetrics };

/** Progress after one training batch. */
export interface BatchProgress {
  /** Epoch number, 1-based. */
  epoch: number;
  /** Batches done so far in this epoch, 1-based. */
  batch: number;
  /** Batches in this epoch. */
  batches: number;
  /** Training images per second so far in this epoch. */
  imagesPerSecond: number;
}

/** Options for {@link trainModel}. */
export interface TrainModelOptions {
  /** Images and labels; the model's input size and class count come from it. */
  dataset: Dataset;
  /** MobileNetV2 width multiplier α. */
  alpha: number;
  /**
   * Momentum of the batch-norm moving statistics that validation uses.
   * @default 0.999 (Keras' MobileNetV2)
   */
  batchNormMomentum?: number;
  /** Training images per step; validation uses the same batch size, as the reference does. */
  batchSize: number;
  /** Constant SGD learning rate (no momentum, decay or warm-up). */
  learningRate: number;
  /** Number of epochs to run. */
  epochs: number;
  /** Seeds the weight initialisation and the per-epoch shuffle. */
  seed: number;
  /** Sliding shuffle buffer size; the reference uses 1000. 0 or 1 disables shuffling. */
  shuffleBuffer: number;
  /** Stops training at the next batch boundary; the result is then `'aborted'`. */
  signal?: AbortSignal;
  /**
   * When the epoch's mean training loss so far, checked after every batch, passes this many
   * times a uniform guess's (ln classes), the run ends as diverged, within its epoch (see
   * `findDivergence`).
   * @default 10
   */
  divergenceFactor?: number;
  /**
   * Pretrained weights for the MobileNetV2 base (the head starts from its initialiser, as in
   * the reference's `include_top=False`). Not disposed here, so one copy serves many runs.
   * @default none: the whole model starts from the seeded initialisers
   */
  baseWeights?: BaseWeights;
  /**
   * Goes on from the end of this finished epoch instead of starting afresh: the weights come
   * from the checkpoint, and training continues with the next epoch's data order, so the
   * result is the same as if the run had never stopped.
   */
  resume?: { epoch: number; checkpoint: Checkpoint };
  /**
   * Called after every completed epoch with the state to resume from, and awaited before the
   * next one starts, so a slow write applies back-pressure. Resolving to `'stop'` ends
   * training there (early stopping, pruning). A throw (or rejection) stops training and is
   * rethrown by {@link trainModel}.
   */
  onEpoch: (metrics: EpochMetrics, checkpoint: Checkpoint) => Promise<'stop' | void>;
  /** Called after every training batch; must not throw. */
  onBatch?: (progress: BatchProgress) => void;
  /**
   * How the gradient noise scale is measured (see `gradient-noise-scale.ts`): every
   * `interval`-th step also takes the gradients of the two halves of its batch, at the same
   * weights, from the second epoch on, and the two squared norms feed averages of smoothing
   * `smoothing`; each epoch reports B_simple as it then stands (the first, null). False measures nothing (and costs nothing).
   * @default {@link defaultNoiseScale}
   */
  noiseScale?: NoiseScaleOptions | false;
}

/** How often the gradient noise scale is measured, and how its averages are smoothed. */
export interface NoiseScaleOptions {
  /** Measure on every this-many-th training step, counted over the whole run. */
  interval: number;
  /** β of the averages of |G|² and tr(Σ), 0 ≤ β < 1. */
  smoothing: number;
}

/**
 * A measuring step costs about two steps more (two half-batch passes, each less efficient
 * per image than the whole batch, and the norms): measured every 10th step that was 19 % of
 * training on the WASM backend (bench:train), every 20th about 10 %.
 */
export const defaultNoiseScale: NoiseScaleOptions = { interval: defaultNoiseScaleInterval, smoothing: 0.9 };

/** A sweep's `noiseScaleInterval` as training's option: 0 measures nothing. */
export function noiseScaleEvery(interval: number): NoiseScaleOptions | false {
  return interval === 0 ? false : { ...defaultNoiseScale, interval };
}

/** How a training run ended. */
export type TrainStatus = 'succeeded' | 'diverged' | 'stopped' | 'aborted';

/** Outcome of {@link trainModel}. */
export interface TrainModelResult {
  /**
   * `'succeeded'` after all epochs; `'diverged'` when the epoch's training loss
   * so far broke the divergence rule or an epoch's validation loss was NaN or infinite
   * (that epoch is not reported); `'stopped'` when `onEpoch` asked to stop; `'aborted'`
   * when `signal` fired.
   */
  status: TrainStatus;
  /** Epochs finished, counting those before a resumed checkpoint. */
  epochsDone: number;
  /** Where and how it diverged, when it did. */
  divergence?: Divergence;
}

/** Sums over a pass through a split. */
interface PassTotals {
  lossSum: number;
  correct: number;
  seen: number;
}

/**
 * Trains the reference classifier (MobileNetV2 → global average pooling →
 * Dense logits) from scratch with the reference protocol: plain SGD at a
 * constant learning rate, softmax cross-entropy on the logits, accuracy =
 * argmax matches the label, validation on the whole val split after each
 * epoch. A hand-written loop instead of `model.fit` lets it stop at any
 * batch boundary, check every batch's loss for divergence, and yield to the
 * event loop between batches so heartbeats and abort signals get through.
 * Every tensor it makes, the model and the optimizer included, is disposed
 * before it returns or throws.
 *
 * @returns the final status and how many epochs were reported
 * @throws Error when an option is out of range, or what `onEpoch` throws; EngineFaultError when the
 *   engine reports a fault (see `engine-faults`), before the step's numbers are judged or stored
 */
export async function trainModel(options: TrainModelOptions): Promise<TrainModelResult> {
  validateOptions(options);
  if (options.signal?.aborted) return { status: 'aborted', epochsDone: 0 };
  // From before the model is built: its weights are the first tensors a GPU may fail to hold.
  const faults = watchEngineFaults();
  try {
    return await trainWatched(options, faults);
  } catch (error) {
    // A fault the engine reported explains what failed after it: a lost GPU device rejects reads.
    faults.check(error);
    throw error;
  } finally {
    faults.stop();
  }
}

/** {@link trainModel} under a watch for engine faults. */
async function trainWatched(options: TrainModelOptions, faults: EngineFaultWatch): Promise<TrainModelResult> {
  const { dataset, alpha, batchSize, learningRate, epochs, seed, shuffleBuffer, signal, onEpoch, onBatch } = options;

  const model = buildClassifier({
    alpha,
    inputSize: dataset.inputSize,
    numClasses: dataset.numClasses,
    seed,
    batchNormMomentum: options.batchNormMomentum,
  });
  const optimizer = new SgdOptimizer(learningRate);
  // tfjs-layers exposes weights as LayerVariables; the optimizer needs the underlying tf.Variables.
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const batches = countBatches(dataset.train.count, batchSize);
  const dataOrder = { seed, shuffleBuffer };
  let epochsDone = options.resume?.epoch ?? 0;
  const noise = options.noiseScale === false ? undefined : (options.noiseScale ?? defaultNoiseScale);
  const tracker = noise && new NoiseScaleTracker(noise.smoothing, options.resume?.checkpoint.state.noiseScale);
  try {
    if (options.resume) restoreCheckpoint(model, options.resume.checkpoint, dataOrder);
    else if (options.baseWeights) applyBaseWeights(model, options.baseWeights);
    for (let epoch = epochsDone + 1; epoch <= epochs; epoch += 1) {
      const epochStart = performance.now();
      const diverges = (loss: number): string | undefined => findDivergence(loss, dataset.numClasses, options.divergenceFactor ?? defaultDivergenceFactor);
      // Steps are counted over the run, so a resumed run measures on the same steps. The first
      // epoch is not measured: from the initial weights the gradient's scale falls by orders
      // of magnitude within it, and its measurements would outweigh every later one.
      const measuring = noise && tracker && epoch > 1 ? { interval: noise.interval, tracker, firstStep: (epoch - 1) * batches } : undefined;
      const train = await trainEpoch(
        model,
        optimizer,
        variables,
        dataset,
        { batchSize, shuffleBuffer, seed, epoch },
        signal,
        faults,
        diverges,
        measuring,
        (done) => onBatch?.({ epoch, batch: done.batches, batches, imagesPerSecond: perSecond(done.seen, performance.now() - epochStart) }),
      );
      if (train === 'aborted') return { status: train, epochsDone };
      if ('rule' in train) return { status: 'diverged', epochsDone, divergence: { ...train, epoch } };
      const trainMs = performance.now() - epochStart;

      const val = await evaluate(model, dataset.val, dataset.inputSize, dataset.numClasses, batchSize, signal);
      if (val === 'aborted') return { status: 'aborted', epochsDone };
      faults.check();
      const valLoss = mean(val.lossSum, val.seen);
      // Only a non-finite validation loss counts: batch norm's moving statistics can make it
      // large for a while in a run that trains well.
      if (!Number.isFinite(valLoss))
        return { status: 'diverged', epochsDone, divergence: { rule: `the validation loss became ${String(valLoss)}`, epoch, batch: 0, loss: valLoss } };

      const durationMs = performance.now() - epochStart;
      const checkpoint = await captureCheckpoint(model, dataOrder, tracker?.state);
      faults.check();
      const next = await onEpoch(
        {
          epoch,
          loss: mean(train.lossSum, train.seen),
          accuracy: mean(train.correct, train.seen),
          valLoss,
          valAccuracy: mean(val.correct, val.seen),
          durationMs,
          imagesPerSecond: perSecond(train.seen, trainMs),
          ...(tracker ? { noiseScale: tracker.noiseScale } : {}),
        },
        checkpoint,
      );
      epochsDone = epoch;
      if (next === 'stop' && epoch < epochs) return { status: 'stopped', epochsDone };
    }
    return { status: 'succeeded', epochsDone };
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}

/**
 * One pass over the training split in the epoch's shuffled order, one SGD step per batch.
 * The next batch is made while a step's results are on their way back (tf.data's
 * `prefetch`); with the synchronous backends that hides only the read-back, not the
 * step itself.
 * @returns the pass's sums, or how it ended early
 */
async function trainEpoch(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  dataset: Dataset,
  order: Required<MakeBatchesOptions>,
  signal: AbortSignal | undefined,
  faults: EngineFaultWatch,
  diverges: (loss: number) => string | undefined,
  measuring: { interval: number; tracker: NoiseScaleTracker; firstStep: number } | undefined,
  onBatch: (done: { batches: number; seen: number }) => void,
): Promise<PassTotals | 'aborted' | Omit<Divergence, 'epoch'>> {
  const totals: PassTotals = { lossSum: 0, correct: 0, seen: 0 };
  const source = makeBatches(dataset.train, dataset.inputSize, order);
  let next = source.next();
  let batches = 0;
  try {
    while (!next.done) {
      const data = next.value;
      const size = data.ys.shape[0];
      let step: Awaited<ReturnType<typeof trainStep>>;
      try {
        if (signal?.aborted) return 'aborted';
        // A batch of one has no half to measure against.
        const measure = measuring !== undefined && size >= 2 && (measuring.firstStep + batches) % measuring.interval === 0;
        step = await trainStep(model, optimizer, variables, data, dataset.numClasses, measure, () => {
          next = source.next();
        });
        faults.check();
        if (step.norms) measuring?.tracker.add(estimateGradientNoise(step.norms));
      } finally {
        tf.dispose([data.xs, data.ys]);
      }
      // Judged on the epoch's mean so far, which one noisy batch cannot carry off but a blow-up
      // (thousands of nats) does at once; it starts afresh each epoch, as a resumed run does.
      const meanSoFar = (totals.lossSum + step.loss * size) / (totals.seen + size);
      const rule = diverges(meanSoFar);
      if (rule !== undefined) return { rule, batch: batches + 1, loss: meanSoFar };
      totals.lossSum += step.loss * size;
      totals.correct += step.correct;
      totals.seen += size;
      batches += 1;
      onBatch({ batches, seen: totals.seen });
      await yieldToEventLoop();
    }
    return totals;
  } finally {
    // A batch made ahead is never trained on when the pass ends early.
    if (!next.done) tf.dispose([next.value.xs, next.value.ys]);
  }
}

/**
 * One SGD step; returns the batch's mean loss and number of correct predictions. A measuring
 * step also returns, for the gradient noise scale, the mean of the squared gradient norms of
 * the batch's two halves and the squared norm of their mean gradient (see
 * `measureHalfBatchNorms`), at the weights before the step.
 * @param whileWaiting runs once the step is queued and before its results are read back
 */
async function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  { xs, ys }: Batch,
  numClasses: number,
  measure: boolean,
  whileWaiting: () => void,
): Promise<{ loss: number; correct: number; norms?: GradientNormPair }> {
  let correct: tf.Scalar | undefined;
  const batchLoss = () => {
    const logits = model.apply(xs, { training: true }) as tf.Tensor2D;
    // Kept past the gradient's tidy so accuracy comes from the same forward pass, as in Keras.
    correct = tf.keep(countCorrect(logits, ys));
    return crossEntropy(logits, ys, numClasses);
  };
  const half = Math.floor(ys.shape[0] / 2);
  let norms: [tf.Scalar, tf.Scalar] | undefined;
  let loss: tf.Scalar | null = null;
  try {
    if (measure) {
      // Measured at the weights before the step; the halves' passes would move batch norm's
      // moving statistics, which only training's own pass may.
      const { halfNormSquared, bothNormSquared } = keepNonTrainableWeights(model, () =>
        measureHalfBatchNorms(
          (start, count) => crossEntropy(model.apply(xs.slice(start, count), { training: true }) as tf.Tensor2D, ys.slice(start, count), numClasses),
          variables,
          half,
        ),
      );
      norms = [halfNormSquared, bothNormSquared];
    }
    loss = optimizer.minimize(batchLoss, true, variables);
    const results = Promise.all([loss?.data(), correct?.data(), norms?.[0].data(), norms?.[1].data()]);
    whileWaiting();
    const [lossValue, correctValue, halfValue, wholeValue] = await results;
    return {
      loss: lossValue?.[0] ?? Number.NaN,
      correct: correctValue?.[0] ?? 0,
      ...(halfValue && wholeValue
        ? { norms: { smallBatch: half, smallNormSquared: halfValue[0] ?? Number.NaN, bigBatch: 2 * half, bigNormSquared: wholeValue[0] ?? Number.NaN } }
        : {}),
    };
  } finally {
    tf.dispose([loss, correct, ...(norms ?? [])].filter((t): t is tf.Scalar => t !== undefined && t !== null));
  }
}

/** Loss and accuracy over a whole split in inference mode, or 'aborted' if `signal` fires. */
async function evaluate(
  model: tf.LayersModel,
  split: Split,
  inputSize: number,
  numClasses: number,
  batchSize: number,
  signal: AbortSignal | undefined,
): Promise<PassTotals | 'aborted'> {
  const totals: PassTotals = { lossSum: 0, correct: 0, seen: 0 };
  for (const { xs, ys } of makeBatches(split, inputSize, { batchSize })) {
    const size = ys.shape[0];
    let sums: Float32Array | Int32Array | Uint8Array;
    try {
      if (signal?.aborted) return 'aborted';
      const packed = tf.tidy(() => {
        const logits = model.apply(xs, { training: false }) as tf.Tensor2D;
        return tf.stack([tf.mul(crossEntropy(logits, ys, numClasses), size), tf.cast(countCorrect(logits, ys), 'float32')]);
      });
      try {
        sums = await packed.data();
      } finally {
        packed.dispose();
      }
    } finally {
      tf.dispose([xs, ys]);
    }
    totals.lossSum += sums[0] ?? Number.NaN;
    totals.correct += sums[1] ?? 0;
    totals.seen += size;
    await yieldToEventLoop();
  }
  return totals;
}

/** Number of rows whose argmax equals the label, as an int32 scalar. */
function countCorrect(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'int32')));
}

function mean(sum: number, count: number): number {
  return count === 0 ? Number.NaN : sum / count;
}

function perSecond(images: number, ms: number): number {
  return ms > 0 ? (images * 1000) / ms : 0;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function validateOptions(options: TrainModelOptions): void {
  const { dataset, batchSize, learningRate, epochs, shuffleBuffer } = options;
  const check = (ok: boolean, expected: string, got: unknown): void => {
    if (!ok) throw new Error(`expected ${expected}, got ${String(got)}`);
  };
  check(Number.isInteger(batchSize) && batchSize >= 1, 'batchSize to be a positive integer', batchSize);
  check(Number.isFinite(learningRate) && learningRate > 0, 'learningRate > 0', learningRate);
  const factor = options.divergenceFactor ?? defaultDivergenceFactor;
  check(Number.isFinite(factor) && factor > 0, 'divergenceFactor > 0', factor);
  check(Number.isInteger(epochs) && epochs >= 0, 'epochs to be an integer ≥ 0', epochs);
  check(Number.isInteger(shuffleBuffer) && shuffleBuffer >= 0, 'shuffleBuffer to be an integer ≥ 0', shuffleBuffer);
  check(dataset.train.count >= 1, 'at least one training image', dataset.train.count);
  check(dataset.val.count >= 1, 'at least one validation image', dataset.val.count);
}

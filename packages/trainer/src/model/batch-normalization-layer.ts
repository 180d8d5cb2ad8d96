import * as tf from '@tensorflow/tfjs';

import { BatchNormTraining, BatchNormTrainingGrad, activeBackendHas, runKernel } from '../backend/custom-kernels.js';

/** What `tf.layers.batchNormalization` takes. */
export type BatchNormalizationArgs = NonNullable<Parameters<typeof tf.layers.batchNormalization>[0]>;
type StockBatchNormalization = ReturnType<typeof tf.layers.batchNormalization>;
type Kwargs = Parameters<tf.layers.Layer['call']>[1];

/** tfjs-layers' BatchNormalization class, which the package does not export by name. */
const StockBatchNormalization = (Object.getPrototypeOf(tf.layers.batchNormalization({})) as { constructor: unknown }).constructor as new (
  args: BatchNormalizationArgs,
) => StockBatchNormalization;

/**
 * tfjs-layers' BatchNormalization with a cheaper training step; inference, weights,
 * names, config and serialisation are the stock layer's, so models, checkpoints and
 * saved bases are unchanged.
 *
 * The stock layer trains through `tf.moments` and the generic `FusedBatchNorm`
 * gradient, about 60 kernels per layer per step (broadcasts by `Tile`, sums, the
 * moments' own gradient). Here the forward pass is the same arithmetic, and the
 * gradient is the closed form of a batch-normalised layer,
 * `dx = γ/σ · (dy − mean(dy) − x̂ · mean(dy · x̂))`, `dγ = Σ dy · x̂`, `dβ = Σ dy`:
 * about 15 kernels, or one each way where the backend has the {@link BatchNormTraining}
 * kernels (the WASM backend does). The moving statistics are updated exactly as the stock layer
 * does (biased batch variance, `moving ← moving − (moving − batch) · (1 − momentum)`).
 *
 * Takes the fast path for NHWC inputs normalised over the last axis with both
 * centre and scale, as MobileNetV2 has; anything else goes to the stock layer.
 */
export class BatchNormalization extends StockBatchNormalization {
  private readonly fast: { momentum: number; epsilon: number } | null;

  constructor(args: BatchNormalizationArgs) {
    super(args);
    const lastAxis = args.axis === undefined || args.axis === -1 || args.axis === 3;
    const affine = args.center !== false && args.scale !== false;
    this.fast = lastAxis && affine ? { momentum: args.momentum ?? 0.99, epsilon: args.epsilon ?? 1e-3 } : null;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (this.fast === null || kwargs.training !== true || x === undefined || x.rank !== 4) return super.call(inputs, kwargs);
    const { momentum, epsilon } = this.fast;
    const gamma = this.weightOf('gamma');
    const beta = this.weightOf('beta');
    const movingMean = this.weightOf('moving_mean');
    const movingVariance = this.weightOf('moving_variance');
    // The moving averages are updated inside the op, off the gradient tape: they take no part
    // in the loss, and every taped op costs the backward pass bookkeeping.
    const moving = { mean: movingMean.read(), variance: movingVariance.read(), momentum };
    return normalizeBatchForTraining(x as tf.Tensor4D, gamma.read(), beta.read(), epsilon, moving, (mean, variance) => {
      movingMean.write(mean);
      movingVariance.write(variance);
    });
  }

  private weightOf(role: string): tf.LayerVariable {
    const weight = this.weights.find((candidate) => candidate.originalName.endsWith(`/${role}`) || candidate.originalName === role);
    if (weight === undefined) throw new Error(`expected a ${role} weight in ${this.name}, got ${this.weights.map((w) => w.originalName).join(', ')}`);
    return weight;
  }
}

/** A batch-norm layer's moving statistics and how fast they follow the batches'. */
export interface MovingStatistics {
  mean: tf.Tensor;
  variance: tf.Tensor;
  momentum: number;
}

/**
 * Batch norm of an NHWC batch with its own statistics, differentiable with the closed-form
 * gradient; one {@link BatchNormTraining} kernel each way where the backend has them.
 *
 * @param x `[batch, height, width, channels]`
 * @param gamma `[channels]` scale
 * @param beta `[channels]` offset
 * @param moving the layer's moving statistics, `[channels]` each
 * @param onMovingStatistics receives the moving mean and variance moved toward the batch's
 *   (`moving − (moving − batch)·(1 − momentum)`, the biased batch variance) during the
 *   forward pass; they are not recorded for the gradient, and are disposed after it returns
 * @returns `y`, like `x`
 */
export function normalizeBatchForTraining(
  x: tf.Tensor4D,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  epsilon: number,
  moving: MovingStatistics,
  onMovingStatistics: (mean: tf.Tensor1D, variance: tf.Tensor1D) => void,
): tf.Tensor4D {
  const { momentum } = moving;
  const normalize = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, scale, offset] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
    const save = args[3] as tf.GradSaveFunc;
    // Not inputs of the op: they need no gradient.
    const { mean: movingMean, variance: movingVariance } = moving;
    const count = input.size / (input.shape[3] ?? 1);
    const [value, mean, inverseStd, newMovingMean, newMovingVariance] = activeBackendHas(BatchNormTraining)
      ? (runKernel(BatchNormTraining, { x: input, gamma: scale, beta: offset, movingMean, movingVariance }, { epsilon, momentum }) as [
          tf.Tensor4D,
          tf.Tensor1D,
          tf.Tensor1D,
          tf.Tensor1D,
          tf.Tensor1D,
        ])
      : normalizeWithOps(input, scale, offset, epsilon, moving, count);
    onMovingStatistics(newMovingMean, newMovingVariance);
    save([input, mean, inverseStd, scale]);
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [xSaved, meanSaved, invStd, gammaSaved] = saved as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
        const grad = dy as tf.Tensor4D;
        if (activeBackendHas(BatchNormTrainingGrad)) {
          return runKernel(BatchNormTrainingGrad, { x: xSaved, dy: grad, gamma: gammaSaved, mean: meanSaved, invStd });
        }
        const xHat = tf.mul(tf.sub(xSaved, meanSaved), invStd);
        const dBeta = sumPerChannel(grad);
        const dGamma = sumPerChannel(tf.mul(grad, xHat));
        const correction = tf.add(tf.mul(xHat, tf.div(dGamma, count)), tf.div(dBeta, count));
        const dx = tf.mul(tf.sub(grad, correction), tf.mul(gammaSaved, invStd));
        return [dx, dGamma, dBeta];
      },
    };
  });
  return normalize(x, gamma, beta) as tf.Tensor4D;
}

/** What the {@link BatchNormTraining} kernel computes, in standard ops: `[y, mean, invStd, new moving mean, new moving variance]`. */
function normalizeWithOps(
  x: tf.Tensor4D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  moving: MovingStatistics,
  count: number,
): [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D] {
  const mean = tf.div(sumPerChannel(x), count) as tf.Tensor1D;
  const centered = tf.sub(x, mean);
  const variance = tf.div(sumPerChannel(tf.square(centered)), count) as tf.Tensor1D;
  const inverseStd = tf.rsqrt(tf.add(variance, epsilon)) as tf.Tensor1D;
  const follow = (current: tf.Tensor, batch: tf.Tensor): tf.Tensor1D => tf.sub(current, tf.mul(tf.sub(current, batch), 1 - moving.momentum));
  return [tf.add(tf.mul(tf.mul(centered, inverseStd), gamma), beta), mean, inverseStd, follow(moving.mean, mean), follow(moving.variance, variance)];
}

/**
 * Sums an NHWC tensor over batch, height and width: `[channels]`, as `xᵀ · 1` with `x` seen
 * as `[batch·height·width, channels]`. Measured on the WASM backend with a new tensor each
 * call, as in training: about 2× faster than `tf.sum` over axes 0–2, which transposes
 * first, and than `1ᵀ · x`, where XNNPACK repacks the large operand every call.
 */
function sumPerChannel(x: tf.Tensor): tf.Tensor1D {
  const channels = x.shape[3] ?? 1;
  const rows = tf.reshape(x, [-1, channels]) as tf.Tensor2D;
  return tf.reshape(tf.matMul(rows, tf.ones([rows.shape[0], 1]), true, false), [channels]);
}

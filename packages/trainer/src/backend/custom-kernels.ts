import * as tf from '@tensorflow/tfjs';

/**
 * Kernels the model's layers and the trainer's optimizer run as one call when the active
 * backend has them (the WASM backend does, see wasm/simd), and compose from standard ops
 * otherwise. One kernel instead of a dozen per layer, or one per step instead of two per
 * variable, saves the engine's per-call cost as much as the arithmetic.
 */

/**
 * Batch norm with the batch's own statistics, and the layer's moving statistics moved
 * toward them. Inputs `x` (NHWC), `gamma`, `beta`, `movingMean`, `movingVariance`
 * (`[channels]`); attrs `epsilon`, `momentum`. Outputs `y`, the batch `mean`, `invStd` =
 * 1/√(variance + ε) with the biased batch variance, and the new moving mean and variance,
 * `moving − (moving − batch)·(1 − momentum)`.
 */
export const BatchNormTraining = 'SweepscopeBatchNormTraining';

/** Its gradient. Inputs `x`, `dy`, `gamma`, `mean`, `invStd`. Outputs `dx`, `dGamma`, `dBeta`. */
export const BatchNormTrainingGrad = 'SweepscopeBatchNormTrainingGrad';

/** ReLU6's gradient from its output. Inputs `dy`, `y`. Output `dx`: `dy` where 0 < y < 6, else 0. */
export const Relu6Grad = 'SweepscopeRelu6Grad';

/**
 * A plain SGD step for many variables at once. Inputs `value0`, `gradient0`, `value1`,
 * `gradient1`, … (float32, each gradient shaped as its value); attr `learningRate`. Outputs
 * one new value per variable, `value + (−learningRate)·gradient`, in the order tfjs' own
 * SGD computes it, so that results are the same to the bit.
 */
export const SgdUpdate = 'SweepscopeSgdUpdate';

/** Whether the active backend registers a kernel. */
export function activeBackendHas(kernelName: string): boolean {
  return tf.getKernel(kernelName, tf.getBackend()) !== undefined;
}

/** Runs a kernel on the active backend, as ops do. */
export function runKernel(kernelName: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap = {}): tf.Tensor[] {
  const result = tf.engine().runKernel(kernelName, inputs, attrs);
  return Array.isArray(result) ? result : [result as tf.Tensor];
}

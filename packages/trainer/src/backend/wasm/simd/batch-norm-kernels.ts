import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { heapOffset, trainingKernelsFor } from './training-kernels.js';

/** An NHWC tensor seen as `[rows, channels]`. */
function rowsAndChannels(x: tf.TensorInfo): [rows: number, channels: number] {
  const channels = x.shape.at(-1) ?? 1;
  return [tf.util.sizeFromShape(x.shape) / channels, channels];
}

/** `SweepscopeBatchNormTraining` (see backend/custom-kernels.ts) for the WASM backend, in one SIMD call. */
export const batchNormTrainingWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, gamma, beta, movingMean, movingVariance } = inputs as Record<'x' | 'gamma' | 'beta' | 'movingMean' | 'movingVariance', tf.TensorInfo>;
  const { epsilon, momentum } = attrs as { epsilon: number; momentum: number };
  const [rows, channels] = rowsAndChannels(x);
  const y = wasm.makeOutput(x.shape, 'float32');
  const perChannel = [0, 1, 2, 3].map(() => wasm.makeOutput([channels], 'float32'));
  const [mean, invStd, newMovingMean, newMovingVariance] = perChannel.map((tensor) => heapOffset(wasm, tensor)) as [number, number, number, number];
  const at = (tensor: tf.TensorInfo): number => heapOffset(wasm, tensor);
  trainingKernelsFor(wasm).batch_norm_forward(
    at(x),
    at(gamma),
    at(beta),
    at(movingMean),
    at(movingVariance),
    rows,
    channels,
    epsilon,
    momentum,
    at(y),
    mean,
    invStd,
    newMovingMean,
    newMovingVariance,
  );
  return [y, ...perChannel];
};

/** `SweepscopeBatchNormTrainingGrad` (see backend/custom-kernels.ts) for the WASM backend, in one SIMD call. */
export const batchNormTrainingGradWasm: tf.KernelFunc = ({ inputs, backend }) => {
  const wasm = backend as BackendWasm;
  const { x, dy, gamma, mean, invStd } = inputs as Record<'x' | 'dy' | 'gamma' | 'mean' | 'invStd', tf.TensorInfo>;
  const [rows, channels] = rowsAndChannels(x);
  const dx = wasm.makeOutput(x.shape, 'float32');
  const dGamma = wasm.makeOutput([channels], 'float32');
  const dBeta = wasm.makeOutput([channels], 'float32');
  const at = (tensor: tf.TensorInfo): number => heapOffset(wasm, tensor);
  trainingKernelsFor(wasm).batch_norm_backward(at(x), at(dy), at(gamma), at(mean), at(invStd), rows, channels, at(dx), at(dGamma), at(dBeta));
  return [dx, dGamma, dBeta];
};

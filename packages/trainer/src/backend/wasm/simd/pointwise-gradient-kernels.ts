import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { heapOffset, trainingKernelsFor } from './training-kernels.js';

/**
 * The filter gradient of a pointwise (1×1, stride 1, unpadded) NHWC convolution,
 * `dW = xᵀ · dy` over `batch·height·width` rows, as one SIMD matrix product that reads `x`
 * transposed in place.
 *
 * @returns `dW`, `[1, 1, inChannels, outChannels]`
 */
export function pointwiseFilterGradientSimd(backend: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo): tf.TensorInfo {
  const inChannels = x.shape[3] ?? 1;
  const outChannels = dy.shape[3] ?? 1;
  const rows = tf.util.sizeFromShape(x.shape) / inChannels;
  const dw = backend.makeOutput([1, 1, inChannels, outChannels], 'float32');
  trainingKernelsFor(backend).matrix_multiply(
    heapOffset(backend, x),
    1,
    inChannels,
    heapOffset(backend, dy),
    inChannels,
    outChannels,
    rows,
    heapOffset(backend, dw),
  );
  return dw;
}

/**
 * The input gradient of a pointwise NHWC convolution, `dx = dy · Wᵀ`, as one SIMD matrix
 * product after transposing the (small) filter into a scratch buffer.
 *
 * @param filter `[1, 1, inChannels, outChannels]`
 * @returns `dx`, `[batch, height, width, inChannels]`
 */
export function pointwiseInputGradientSimd(backend: BackendWasm, dy: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo {
  const [, , inChannels = 1, outChannels = 1] = filter.shape;
  const rows = tf.util.sizeFromShape(dy.shape) / outChannels;
  const kernels = trainingKernelsFor(backend);
  const filterTransposed = backend.makeOutput([outChannels, inChannels], 'float32');
  try {
    kernels.transpose(heapOffset(backend, filter), inChannels, outChannels, heapOffset(backend, filterTransposed));
    const dx = backend.makeOutput([...dy.shape.slice(0, -1), inChannels], 'float32');
    kernels.matrix_multiply(
      heapOffset(backend, dy),
      outChannels,
      1,
      heapOffset(backend, filterTransposed),
      rows,
      inChannels,
      outChannels,
      heapOffset(backend, dx),
    );
    return dx;
  } finally {
    backend.disposeData(filterTransposed.dataId);
  }
}

import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { type DepthwiseGeometry, heapOffset, trainingKernelsFor } from './training-kernels.js';

/**
 * The kernels' geometry for a depthwise convolution they handle (channel multiplier 1:
 * every depthwise layer of MobileNetV2), or null for any other.
 * @param convInfo from depthwiseConvInfo, which has already refused dilations other than 1
 */
export function simdDepthwiseGeometry(convInfo: tf.backend_util.Conv2DInfo): DepthwiseGeometry | null {
  const { batchSize, inHeight, inWidth, inChannels, outChannels, outHeight, outWidth, filterHeight, filterWidth } = convInfo;
  if (outChannels !== inChannels) return null;
  const { strideHeight, strideWidth, padInfo } = convInfo;
  return [batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth, padInfo.top, padInfo.left];
}

/** `dW` `[filterHeight, filterWidth, channels, 1]` of a depthwise convolution, in one SIMD call. */
export function depthwiseFilterGradientSimd(backend: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo, geometry: DepthwiseGeometry): tf.TensorInfo {
  const [, , , channels, , , filterHeight, filterWidth] = geometry;
  const dw = backend.makeOutput([filterHeight, filterWidth, channels, 1], 'float32');
  trainingKernelsFor(backend).depthwise_filter_gradient(heapOffset(backend, x), heapOffset(backend, dy), ...geometry, heapOffset(backend, dw));
  return dw;
}

/** `dx` `[batch, inHeight, inWidth, channels]` of a depthwise convolution, in one SIMD call. */
export function depthwiseInputGradientSimd(backend: BackendWasm, dy: tf.TensorInfo, filter: tf.TensorInfo, geometry: DepthwiseGeometry): tf.TensorInfo {
  const [batch, inHeight, inWidth, channels] = geometry;
  const dx = backend.makeOutput([batch, inHeight, inWidth, channels], 'float32');
  trainingKernelsFor(backend).depthwise_input_gradient(heapOffset(backend, dy), heapOffset(backend, filter), ...geometry, heapOffset(backend, dx));
  return dx;
}

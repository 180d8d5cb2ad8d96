import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { isPointwise } from './conv-geometry.js';
import { pointwiseInputGradientSimd } from './simd/pointwise-gradient-kernels.js';

/**
 * Wraps the WASM backend's own `Conv2DBackpropInput` with a fast path for 1×1
 * stride-1 unpadded NHWC filters (all of MobileNetV2's input gradients): there
 * `dx = dy · Wᵀ`, one SIMD matrix product, many times faster than the
 * backend's plain-loop kernel. Every other case goes to `original`.
 *
 * Inputs: `dy` `[batch, height, width, outChannels]`, `filter`
 * `[1, 1, inChannels, outChannels]`. Attrs as `Conv2DBackpropInput`.
 *
 * @param original the kernel function this replaces
 * @returns a kernel function giving `dx`, `[batch, height, width, inChannels]`
 */
export function makePointwiseConv2DBackpropInput(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { dy, filter } = args.inputs as Record<'dy' | 'filter', tf.TensorInfo>;
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const filterShape = filter.shape as [number, number, number, number];
    if (dataFormat === 'NCHW' || filterShape[0] !== 1 || filterShape[1] !== 1) return original(args);
    const convInfo = tf.backend_util.computeConv2DInfo(inputShape, filterShape, strides, 1, pad, dimRoundingMode);
    if (!isPointwise(convInfo)) return original(args);
    return pointwiseInputGradientSimd(args.backend as BackendWasm, dy, filter);
  };
}

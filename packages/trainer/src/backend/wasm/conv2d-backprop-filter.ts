import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { isPointwise } from './conv-geometry.js';
import { frameFilterGradientInput } from './frame-filter-gradient-input.js';
import { runCompositeKernel } from './run-composite-kernel.js';
import { pointwiseFilterGradientSimd } from './simd/pointwise-gradient-kernels.js';

/**
 * `Conv2DBackpropFilter` for the WASM backend, which ships none: the gradient
 * of a dilation-1 `conv2d` with respect to its filter,
 * `dW[kh, kw, ci, co] = Σ_{n, oh, ow} x_padded[n, oh·sh + kh, ow·sw + kw, ci] · dy[n, oh, ow, co]`.
 *
 * A 1×1 stride-1 unpadded NHWC filter (most of MobileNetV2) is one SIMD
 * matrix product `xᵀ · dy` over `batch·height·width` rows. Any other filter is one
 * convolution with the roles swapped, as TensorFlow does it: `x` as
 * `[inChannels, height, width, batch]` (in-channels as the batch, the batch
 * as channels), convolved with `dy` as a `[outHeight, outWidth, batch, outChannels]`
 * filter dilated by the strides, gives `[inChannels, filterHeight, filterWidth, outChannels]`,
 * on the backend's XNNPACK kernel; a transpose costs far less than the loops of a
 * slice-based im2col in this backend.
 *
 * Inputs: `x` `[batch, inHeight, inWidth, inChannels]`, `dy`
 * `[batch, outHeight, outWidth, outChannels]` (NCHW when `dataFormat` says so).
 * Attrs: `strides`, `pad` ('same', 'valid', a number or explicit NHWC pairs),
 * `dataFormat`, `dimRoundingMode`, `filterShape`.
 *
 * @returns `dW`, `[filterHeight, filterWidth, inChannels, outChannels]`
 */
export const conv2DBackpropFilterWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const infoFor = (nhwcShape: number[]): tf.backend_util.Conv2DInfo =>
    tf.backend_util.computeConv2DInfo(nhwcShape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
  if (dataFormat !== 'NCHW' && isPointwise(infoFor(x.shape))) return pointwiseFilterGradientSimd(backend as BackendWasm, x, dy);
  return runCompositeKernel(backend as tf.KernelBackend, [x, dy], (x4D, dy4D) => {
    // The filter gradient does not depend on the layout; work in NHWC.
    const xNhwc = (dataFormat === 'NCHW' ? tf.transpose(x4D, [0, 2, 3, 1]) : x4D) as tf.Tensor4D;
    const dyNhwc = (dataFormat === 'NCHW' ? tf.transpose(dy4D, [0, 2, 3, 1]) : dy4D) as tf.Tensor4D;
    return filterGradientByConv(xNhwc, dyNhwc, infoFor(xNhwc.shape));
  });
};

/** The filter gradient as a convolution over the batch (see {@link conv2DBackpropFilterWasm}). */
function filterGradientByConv(x: tf.Tensor4D, dy: tf.Tensor4D, convInfo: tf.backend_util.Conv2DInfo): tf.Tensor4D {
  const framed = frameFilterGradientInput(x, convInfo);
  const byChannel = tf.conv2d(tf.transpose(framed.x, [3, 1, 2, 0]), tf.transpose(dy, [1, 2, 0, 3]), 1, framed.pad, 'NHWC', [
    convInfo.strideHeight,
    convInfo.strideWidth,
  ]);
  return tf.transpose(byChannel, [1, 2, 0, 3]);
}

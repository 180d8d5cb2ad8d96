import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { depthwiseConvInfo } from './conv-geometry.js';
import { frameFilterGradientInput } from './frame-filter-gradient-input.js';
import { runCompositeKernel } from './run-composite-kernel.js';
import { depthwiseFilterGradientSimd, simdDepthwiseGeometry } from './simd/depthwise-gradient-kernels.js';

/**
 * `DepthwiseConv2dNativeBackpropFilter` for the WASM backend, which ships
 * none: the gradient of a dilation-1 NHWC `depthwiseConv2d` with respect to
 * its filter,
 * `dW[kh, kw, c, q] = Σ_{n, oh, ow} x_padded[n, oh·sh + kh, ow·sw + kw, c] · dy[n, oh, ow, c·multiplier + q]`.
 *
 * With channel multiplier 1 (all of MobileNetV2) one SIMD kernel computes it directly.
 * Otherwise it is composed as one depthwise convolution over positions: `x` as one image
 * `[1, height, width, batch·inChannels]`, convolved with `dy` as a
 * `[outHeight, outWidth, batch·inChannels, multiplier]` filter dilated by the
 * strides, gives the gradient of every (image, channel) pair,
 * `[1, filterHeight, filterWidth, batch·inChannels·multiplier]`; a sum over
 * the batch finishes it. This keeps the work in the backend's XNNPACK
 * depthwise kernel; slicing out the taps costs several times more here.
 *
 * Inputs: `x` `[batch, inHeight, inWidth, inChannels]`, `dy`
 * `[batch, outHeight, outWidth, inChannels·multiplier]`.
 * Attrs: `strides`, `dilations` (must be 1), `pad` ('same', 'valid', a
 * number or explicit NHWC pairs), `dimRoundingMode`, `filterShape`.
 *
 * @returns `dW`, `filterShape` = `[filterHeight, filterWidth, inChannels, multiplier]`
 * @throws Error when a dilation is not 1
 */
export const depthwiseConv2dNativeBackpropFilterWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const { filterShape, ...geometry } = attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  const convInfo = depthwiseConvInfo('DepthwiseConv2dNativeBackpropFilter', x.shape as [number, number, number, number], filterShape, geometry);
  const simd = simdDepthwiseGeometry(convInfo);
  if (simd !== null) return depthwiseFilterGradientSimd(backend as BackendWasm, x, dy, simd);
  return runCompositeKernel(backend as tf.KernelBackend, [x, dy], (x4D, dy4D) => {
    const [filterHeight, filterWidth, inChannels, multiplier] = filterShape;
    const { batchSize, outHeight, outWidth } = convInfo;
    const framed = frameFilterGradientInput(x4D as tf.Tensor4D, convInfo);
    const [, height, width] = framed.x.shape;
    // [1, height, width, (n, c)] ⊛ [outHeight, outWidth, (n, c), q]
    const image = tf.reshape(tf.transpose(framed.x, [1, 2, 0, 3]), [1, height, width, batchSize * inChannels]);
    const filter = tf.reshape(tf.transpose(dy4D, [1, 2, 0, 3]), [outHeight, outWidth, batchSize * inChannels, multiplier]);
    const perImage = tf.depthwiseConv2d(image as tf.Tensor4D, filter as tf.Tensor4D, 1, framed.pad, 'NHWC', [convInfo.strideHeight, convInfo.strideWidth]);
    const summed = batchSize === 1 ? perImage : tf.sum(tf.reshape(perImage, [filterHeight * filterWidth, batchSize, inChannels * multiplier]), 1);
    return tf.reshape(summed, filterShape);
  });
};

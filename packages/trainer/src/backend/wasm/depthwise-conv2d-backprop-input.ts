import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { depthwiseConvInfo } from './conv-geometry.js';
import { runCompositeKernel } from './run-composite-kernel.js';
import { depthwiseInputGradientSimd, simdDepthwiseGeometry } from './simd/depthwise-gradient-kernels.js';

/**
 * `DepthwiseConv2dNativeBackpropInput` for the WASM backend, which ships
 * none: the gradient of a dilation-1 NHWC `depthwiseConv2d` with respect to
 * its input. With channel multiplier 1 (all of MobileNetV2) one SIMD kernel
 * computes it directly. Otherwise it is composed: it is itself a depthwise convolution: `dy` is spread out by the
 * strides (zeros between its pixels), padded so that every input pixel sees
 * every tap that read it, and convolved ('valid', stride 1) with the filter
 * flipped in height and width, one channel of `dy` per (channel, multiplier)
 * pair; the multiplier axis is then summed.
 *
 * Inputs: `dy` `[batch, outHeight, outWidth, inChannels·multiplier]`,
 * `filter` `[filterHeight, filterWidth, inChannels, multiplier]`.
 * Attrs: `strides`, `dilations` (must be 1), `pad` ('same', 'valid', a
 * number or explicit NHWC pairs), `dimRoundingMode`, `inputShape`.
 *
 * @returns `dx`, `inputShape` = `[batch, inHeight, inWidth, inChannels]`
 * @throws Error when a dilation is not 1
 */
export const depthwiseConv2dNativeBackpropInputWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as Record<'dy' | 'filter', tf.TensorInfo>;
  const { inputShape, ...geometry } = attrs as unknown as tf.DepthwiseConv2dNativeBackpropInputAttrs;
  const convInfo = depthwiseConvInfo('DepthwiseConv2dNativeBackpropInput', inputShape, filter.shape as [number, number, number, number], geometry);
  const simd = simdDepthwiseGeometry(convInfo);
  if (simd !== null) return depthwiseInputGradientSimd(backend as BackendWasm, dy, filter, simd);
  return runCompositeKernel(backend as tf.KernelBackend, [dy, filter], (dy4D, filter4D) => {
    const { batchSize, inHeight, inWidth, inChannels, outChannels, filterHeight, filterWidth, padInfo } = convInfo;
    const multiplier = outChannels / inChannels;
    const spread = spreadByStrides(dy4D as tf.Tensor4D, convInfo.strideHeight, convInfo.strideWidth);
    // Input pixel i gets dy at (i + top − kh) / stride for each tap kh; with the
    // flipped filter that is a 'valid' window starting (filterHeight − 1 − top) before i.
    const front = [filterHeight - 1 - padInfo.top, filterWidth - 1 - padInfo.left] as const;
    const framed = padOrCrop(spread, [
      [front[0], inHeight + filterHeight - 1 - front[0] - spread.shape[1]],
      [front[1], inWidth + filterWidth - 1 - front[1] - spread.shape[2]],
    ]);
    const flipped = tf.reshape(tf.reverse(filter4D, [0, 1]), [filterHeight, filterWidth, outChannels, 1]) as tf.Tensor4D;
    const perOutputChannel = tf.depthwiseConv2d(framed, flipped, 1, 'valid');
    if (multiplier === 1) return perOutputChannel;
    return tf.sum(tf.reshape(perOutputChannel, [batchSize, inHeight, inWidth, inChannels, multiplier]), 4);
  });
};

/**
 * Puts `strideHeight − 1` zero rows after every row of `dy` and
 * `strideWidth − 1` zero columns after every column: `[n, oh, ow, c]` lands
 * at `[n, oh·sh, ow·sw, c]` of a `[n, outHeight·sh, outWidth·sw, c]` tensor.
 */
function spreadByStrides(dy: tf.Tensor4D, strideHeight: number, strideWidth: number): tf.Tensor4D {
  if (strideHeight === 1 && strideWidth === 1) return dy;
  const [batch, outHeight, outWidth, channels] = dy.shape;
  const spread = tf.pad(tf.reshape(dy, [batch, outHeight, 1, outWidth, 1, channels]), [
    [0, 0],
    [0, 0],
    [0, strideHeight - 1],
    [0, 0],
    [0, strideWidth - 1],
    [0, 0],
  ]);
  return tf.reshape(spread, [batch, outHeight * strideHeight, outWidth * strideWidth, channels]);
}

/** Pads (positive amounts) or crops (negative amounts) the height and width axes. */
function padOrCrop(x: tf.Tensor4D, [[top, bottom], [left, right]]: readonly [readonly [number, number], readonly [number, number]]): tf.Tensor4D {
  const [batch, height, width, channels] = x.shape;
  let result = x;
  if (top < 0 || bottom < 0 || left < 0 || right < 0) {
    const cropTop = Math.max(0, -top);
    const cropLeft = Math.max(0, -left);
    result = tf.slice(result, [0, cropTop, cropLeft, 0], [batch, height - cropTop - Math.max(0, -bottom), width - cropLeft - Math.max(0, -right), channels]);
  }
  if (top > 0 || bottom > 0 || left > 0 || right > 0) {
    result = tf.pad(result, [
      [0, 0],
      [Math.max(0, top), Math.max(0, bottom)],
      [Math.max(0, left), Math.max(0, right)],
      [0, 0],
    ]);
  }
  return result;
}

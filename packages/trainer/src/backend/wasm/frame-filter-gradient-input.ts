import * as tf from '@tensorflow/tfjs';

/** What {@link frameFilterGradientInput} returns. */
export interface FramedInput {
  /** `x`, cropped at the bottom and right to the rows and columns some window reads. */
  x: tf.Tensor4D;
  /** Explicit NHWC padding that, added to `x`, gives exactly the rows and columns the windows span. */
  pad: [[0, 0], [number, number], [number, number], [0, 0]];
}

/**
 * Frames a convolution's input for computing its filter gradient as a
 * convolution over the batch: there `dy` is the (stride-dilated) filter and
 * slides over `x` with stride 1, so `x` plus padding must span exactly
 * `(outHeight − 1)·strideHeight + filterHeight` rows (likewise columns), or
 * the result would have more than `filterHeight` rows. Rows past the last
 * window ('valid' with a remainder, or a strided 1×1 filter) are cropped;
 * missing ones become bottom/right padding.
 *
 * @param x input, `[batch, inHeight, inWidth, channels]`
 * @param convInfo the forward convolution's geometry (dilation 1)
 */
export function frameFilterGradientInput(x: tf.Tensor4D, convInfo: tf.backend_util.Conv2DInfo): FramedInput {
  const { filterHeight, filterWidth, strideHeight, strideWidth, outHeight, outWidth, padInfo } = convInfo;
  const [batch, inHeight, inWidth, channels] = x.shape;
  const bottom = (outHeight - 1) * strideHeight + filterHeight - padInfo.top - inHeight;
  const right = (outWidth - 1) * strideWidth + filterWidth - padInfo.left - inWidth;
  const cropped = bottom < 0 || right < 0 ? tf.slice(x, [0, 0, 0, 0], [batch, inHeight + Math.min(0, bottom), inWidth + Math.min(0, right), channels]) : x;
  return {
    x: cropped,
    pad: [
      [0, 0],
      [padInfo.top, Math.max(0, bottom)],
      [padInfo.left, Math.max(0, right)],
      [0, 0],
    ],
  };
}

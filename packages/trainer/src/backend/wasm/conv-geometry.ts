import * as tf from '@tensorflow/tfjs';

type Shape4D = [number, number, number, number];

/**
 * The geometry of a dilation-1 NHWC depthwise convolution, as both depthwise gradient
 * kernels need it.
 * @param kernelName named in the error
 * @throws Error when a dilation is not 1, which these kernels do not handle
 */
export function depthwiseConvInfo(
  kernelName: string,
  inputShape: Shape4D,
  filterShape: Shape4D,
  attrs: Pick<tf.DepthwiseConv2dNativeBackpropInputAttrs, 'strides' | 'dilations' | 'pad' | 'dimRoundingMode'>,
): tf.backend_util.Conv2DInfo {
  const { strides, dilations, pad, dimRoundingMode } = attrs;
  const convInfo = tf.backend_util.computeConv2DInfo(inputShape, filterShape, strides, dilations, pad, dimRoundingMode, true, 'channelsLast');
  if (convInfo.dilationHeight !== 1 || convInfo.dilationWidth !== 1) {
    throw new Error(`${kernelName} (wasm): expected dilations 1, got [${convInfo.dilationHeight}, ${convInfo.dilationWidth}]`);
  }
  return convInfo;
}

/**
 * Whether a convolution is pointwise: a 1×1 filter at stride 1 with no padding, so every
 * output pixel is one input pixel times the filter, and its gradients are single matrix products.
 */
export function isPointwise(convInfo: tf.backend_util.Conv2DInfo): boolean {
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo, inHeight, inWidth, outHeight, outWidth } = convInfo;
  return (
    filterHeight === 1 &&
    filterWidth === 1 &&
    strideHeight === 1 &&
    strideWidth === 1 &&
    padInfo.top === 0 &&
    padInfo.left === 0 &&
    outHeight === inHeight &&
    outWidth === inWidth
  );
}

import * as tf from '@tensorflow/tfjs';

type Conv2DArgs = Parameters<typeof tf.layers.conv2d>[0];
type StockConv2D = ReturnType<typeof tf.layers.conv2d>;
type Kwargs = Parameters<tf.layers.Layer['call']>[1];

/** tfjs-layers' Conv2D class, which the package does not export by name. */
const StockConv2D = (Object.getPrototypeOf(tf.layers.conv2d({ filters: 1, kernelSize: 1 })) as { constructor: unknown }).constructor as new (
  args: Conv2DArgs,
) => StockConv2D;

/**
 * tfjs-layers' Conv2D (weights, names, config and serialisation unchanged) that, without a
 * bias or an activation, convolves with the plain `tf.conv2d` op. The stock layer calls
 * `tf.fused.conv2d`, whose gradient computes the input's gradient along with the filter's
 * whether or not anything needs it; so the first layer paid for the gradient of the
 * images, about a tenth of a training step on the WASM backend. The plain op's gradient
 * is computed per input, only where the tape leads. Other configurations go to the stock
 * layer.
 */
export class Conv2D extends StockConv2D {
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const { padding } = this;
    const plain = !this.useBias && this.activation.getClassName() === 'linear' && this.dataFormat === 'channelsLast' && padding !== 'causal';
    if (!plain || x === undefined || x.rank !== 4) return super.call(inputs, kwargs);
    const [strideHeight = 1, strideWidth = 1] = this.strides;
    const [dilationHeight = 1, dilationWidth = 1] = this.dilationRate;
    return tf.conv2d(x as tf.Tensor4D, this.kernel.read() as tf.Tensor4D, [strideHeight, strideWidth], padding, 'NHWC', [dilationHeight, dilationWidth]);
  }
}

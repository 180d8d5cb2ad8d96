import * as tf from '@tensorflow/tfjs';

import { Relu6Grad, activeBackendHas, runKernel } from '../backend/custom-kernels.js';

type ReLUArgs = NonNullable<Parameters<typeof tf.layers.reLU>[0]>;
type StockReLU = ReturnType<typeof tf.layers.reLU>;
type Kwargs = Parameters<tf.layers.Layer['call']>[1];

/** tfjs-layers' ReLU class, which the package does not export by name. */
const StockReLU = (Object.getPrototypeOf(tf.layers.reLU({})) as { constructor: unknown }).constructor as new (args: ReLUArgs) => StockReLU;

/**
 * tfjs-layers' ReLU layer (name, config and serialisation unchanged) that computes
 * `ReLU(maxValue: 6)` as the one op {@link relu6} instead of `relu` then `clipByValue`,
 * whose two gradients cost seven kernels, four of them comparisons that are slow in the
 * WASM backend. Other max values go to the stock layer.
 */
export class ReLU extends StockReLU {
  private readonly six: boolean;

  constructor(args: ReLUArgs) {
    super(args);
    this.six = args.maxValue === 6;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (!this.six || x === undefined) return super.call(inputs, kwargs);
    return relu6(x);
  }
}

/**
 * `min(max(x, 0), 6)`, differentiable with the mask computed from the output in arithmetic
 * only: `dy · step(y · (6 − y))`, 1 where 0 < y < 6. At exactly x = 0 or x = 6 the
 * gradient is 0, as PyTorch's `ReLU6` has it (tfjs' own gives 1 at x = 6). Where the backend
 * has the {@link Relu6Grad} kernel (the WASM backend does) the gradient is that one call.
 */
export const relu6 = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  const save = args[1] as tf.GradSaveFunc;
  const y = tf.relu6(x);
  save([y]);
  return {
    value: y,
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [output] = saved as [tf.Tensor];
      if (activeBackendHas(Relu6Grad)) return runKernel(Relu6Grad, { dy: dy as tf.Tensor, y: output })[0] as tf.Tensor;
      return tf.mul(dy as tf.Tensor, tf.step(tf.mul(output, tf.sub(6, output))));
    },
  };
}) as (x: tf.Tensor) => tf.Tensor;

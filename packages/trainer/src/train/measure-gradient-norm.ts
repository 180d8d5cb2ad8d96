import * as tf from '@tensorflow/tfjs';

/**
 * The squared L2 norm of the gradient of `loss` with respect to `variables`, all of them as
 * one vector: what the gradient noise scale's estimator reads at two batch sizes.
 * @returns the norm as a scalar tensor, not yet read back (the caller owns it), and the
 *   gradients themselves, to apply or dispose
 */
export function gradientWithNormSquared(
  loss: () => tf.Scalar,
  variables: tf.Variable[],
): { value: tf.Scalar; grads: tf.NamedTensorMap; normSquared: tf.Scalar } {
  const { value, grads } = tf.variableGrads(loss, variables);
  const normSquared = tf.tidy(() => tf.addN(Object.values(grads).map((gradient) => tf.sum(tf.square(gradient)))) as tf.Scalar);
  return { value, grads, normSquared };
}

/**
 * Runs `measure` and puts back every non-trainable weight as it was (batch norm's moving
 * statistics): a training-mode pass made only to measure must not move them a second time.
 */
export function keepingNonTrainableWeights<T>(model: tf.LayersModel, measure: () => T): T {
  const saved = model.nonTrainableWeights.map((weight) => ({ weight, value: tf.clone(weight.read()) }));
  try {
    return measure();
  } finally {
    for (const { weight, value } of saved) {
      weight.write(value);
      value.dispose();
    }
  }
}

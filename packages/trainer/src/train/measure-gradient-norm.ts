import * as tf from '@tensorflow/tfjs';

/**
 * The two squared gradient norms the noise scale's estimator reads, from two disjoint halves
 * of one batch: |G_half|², the mean of the halves' squared gradient norms (either estimates
 * E|G_half|²; their mean leaves out the difference |G_first|² − |G_second|², which has
 * expectation zero but a variance that swamped the estimate of |G|²), and |G_both|², the
 * gradient of both halves' mean, (G_first + G_second) / 2. The estimate of |G|² is then
 * G_first · G_second. Each half is its own forward pass,
 * so in a network with batch norm each half is normalised by its own statistics and the two
 * halves' gradients stay independent, as the estimator assumes. (Taken with the whole batch's
 * statistics, batch norm couples them: the halves' gradients came out anti-correlated, and the
 * estimate of |G|² below zero.) The result is the noise scale of gradients normalised in
 * groups of a half batch: batch norm's own noise at that size is part of what it measures.
 * @param halfLoss the mean loss over `count` examples from `start`, as a scalar
 * @returns both norms as scalar tensors, not yet read back (the caller owns them)
 */
export function measureHalfBatchNorms(
  halfLoss: (start: number, count: number) => tf.Scalar,
  variables: tf.Variable[],
  half: number,
): { halfNormSquared: tf.Scalar; bothNormSquared: tf.Scalar } {
  return tf.tidy(() => {
    const first = tf.variableGrads(() => halfLoss(0, half), variables).grads;
    const second = tf.variableGrads(() => halfLoss(half, half), variables).grads;
    const names = Object.keys(first);
    const squared = (of: (name: string) => tf.Tensor) => tf.addN(names.map((name) => tf.sum(tf.square(of(name))))) as tf.Scalar;
    const halfNormSquared = tf.mul(
      tf.add(
        squared((name) => first[name]!),
        squared((name) => second[name]!),
      ),
      0.5,
    ) as tf.Scalar;
    const bothNormSquared = squared((name) => tf.mul(tf.add(first[name]!, second[name]!), 0.5));
    return { halfNormSquared, bothNormSquared };
  });
}

/**
 * Runs `measure` and puts back every non-trainable weight as it was (batch norm's moving
 * statistics): a training-mode pass made only to measure must not move them.
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

import * as tf from '@tensorflow/tfjs';

/**
 * The two squared gradient norms the noise scale's estimator reads, from the two disjoint
 * halves of one batch: |G_half|², the mean of the halves' squared gradient norms, and
 * |G_both|², the squared norm of their mean gradient, (G_first + G_second) / 2. With these the
 * estimate of |G|² is G_first · G_second: using one half's norm alone adds
 * |G_first|² − |G_second|², whose mean is zero but whose variance swamped the estimate.
 *
 * Each half is its own forward and backward pass, so batch norm normalises each by its own
 * statistics and the halves' gradients stay independent, as the estimator assumes; taken
 * with the whole batch's statistics, batch norm coupled them, and the estimate of |G|² fell
 * below zero. What is measured is the noise scale of gradients normalised in groups of half
 * a batch: batch norm's own noise at that size is part of it.
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
    // Added one by one, not with addN: WebGPU's AddN binds every input at once, and a model's
    // 159 gradients exceed the 8 storage buffers a shader stage may have.
    const squared = (of: (name: string) => tf.Tensor) =>
      names.map((name) => tf.sum(tf.square(of(name)))).reduce((total, term) => tf.add(total, term)) as tf.Scalar;
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

import * as tf from '@tensorflow/tfjs';

/**
 * Mean softmax cross-entropy from logits: Keras'
 * `SparseCategoricalCrossentropy(from_logits=True)`, the reference's loss.
 * tfjs has no sparse variant, so labels go one-hot first.
 *
 * @param logits `[batch, numClasses]`
 * @param labels `[batch]` int32 class indices
 * @returns the mean over the batch, in nats
 */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, numClasses: number): tf.Scalar {
  const oneHot = tf.cast(tf.oneHot(labels, numClasses), 'float32');
  return tf.losses.softmaxCrossEntropy(oneHot, logits, undefined, undefined, tf.Reduction.MEAN) as tf.Scalar;
}

import * as tf from '@tensorflow/tfjs';

/**
 * Runs `measure` and puts back every non-trainable weight as it was (batch norm's moving
 * statistics): a training-mode pass made only to measure must not move them.
 */
export function keepNonTrainableWeights<T>(model: tf.LayersModel, measure: () => T): T {
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

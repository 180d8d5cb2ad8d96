import * as tf from '@tensorflow/tfjs';

/** Name of the last layer of the MobileNetV2 base, as Keras and `buildMobileNetV2Base` call it. */
export const BASE_OUTPUT_LAYER = 'out_relu';

/**
 * Copies the MobileNetV2 base out of a model built by `buildClassifier` (or
 * by `buildMobileNetV2Base`): a new, independent model of the same
 * architecture (α, input size, Keras layer names) from the input up to
 * `out_relu`, holding the source's current weights, batch-norm moving
 * statistics included. The head (`global_average_pooling2d`, `logits`) is
 * left out. Training or disposing either model afterwards leaves the other
 * as it is.
 *
 * Input: float32 `[batch, inputSize, inputSize, 3]`.
 * Output: `[batch, ceil(inputSize / 32), ceil(inputSize / 32), 1280]`
 * (more channels when α > 1).
 *
 * @param model a trained or untrained MobileNetV2 classifier or base; unchanged
 * @returns the base, owned by the caller (dispose it)
 * @throws Error when `model` has no `out_relu` layer, or has more than one input.
 */
export function extractBase(model: tf.LayersModel): tf.LayersModel {
  const outRelu = model.layers.find((layer) => layer.name === BASE_OUTPUT_LAYER);
  if (outRelu === undefined) {
    throw new Error(`expected a MobileNetV2 model with an ${BASE_OUTPUT_LAYER} layer, got ${model.name} without one`);
  }
  if (model.inputs.length !== 1) {
    throw new Error(`expected a model with one input, got ${model.inputs.length}`);
  }
  // A view shares the source's layers: disposing it would dispose them too,
  // so it only serves as the blueprint for an independent copy and is dropped.
  const view = tf.model({ inputs: model.inputs, outputs: outRelu.output, name: `${model.name}_base` });
  // fastWeightInit: the initial values are overwritten at once, so skip the random init.
  const copy = tf.LayersModel.fromConfig<tf.LayersModel>(tf.LayersModel, view.getConfig(), {}, true);
  copy.setWeights(view.getWeights());
  return copy;
}

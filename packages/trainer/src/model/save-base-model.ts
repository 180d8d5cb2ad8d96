import type * as tf from '@tensorflow/tfjs';

import { BASE_OUTPUT_LAYER } from './extract-base.js';
import { createFileIOHandler } from './file-io-handler.js';

/**
 * Writes a MobileNetV2 base as a TensorFlow.js layers model: `dir/model.json`
 * and `dir/weights.bin`, the format `readBaseWeights` (and
 * `tf.loadLayersModel`) read, with Keras' layer and weight names
 * (`Conv1/kernel`, `bn_Conv1/moving_mean`, …). Makes a `--weights` file from
 * a trained base; for a classifier, pass `extractBase(classifier)`.
 *
 * @param base a model whose output layer is `out_relu`, e.g. from
 *   `buildMobileNetV2Base` or `extractBase`; unchanged
 * @param dir folder to write to; created if missing, and files of the same
 *   names in it are replaced
 * @throws Error when `base` does not end at `out_relu` (a classifier, say),
 *   or when the files cannot be written (the filesystem error is the `cause`).
 */
export async function saveBaseModel(base: tf.LayersModel, dir: string): Promise<void> {
  const outputs = base.outputLayers.map((layer) => layer.name);
  if (outputs.length !== 1 || outputs[0] !== BASE_OUTPUT_LAYER) {
    throw new Error(
      `expected a MobileNetV2 base ending at ${BASE_OUTPUT_LAYER}, got output layers [${outputs.join(', ')}]; for a classifier pass extractBase(classifier)`,
    );
  }
  try {
    await base.save(createFileIOHandler(dir));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot save the base model to ${dir}: ${detail}`, { cause: error });
  }
}

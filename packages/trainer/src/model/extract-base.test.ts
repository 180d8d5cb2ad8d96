import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { buildClassifier } from './build-mobilenet-v2.js';
import { extractBase } from './extract-base.js';

before(async () => {
  await tf.setBackend('cpu');
});

async function valuesOf(tensor: tf.Tensor): Promise<Float32Array> {
  const values = (await tensor.data()) as Float32Array;
  tensor.dispose();
  return values;
}

describe('extractBase', () => {
  test("copies the classifier's base, head left out, predicting the same and outliving the classifier", async () => {
    const start = tf.memory().numTensors;
    const input = tf.randomUniform([2, 32, 32, 3], 0, 1, 'float32', 3);
    let classifier: tf.LayersModel | undefined = buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 4, seed: 1 });
    // A view shares the classifier's layers, so it must not be disposed; it only gives the reference output.
    const view = tf.model({ inputs: classifier.inputs, outputs: classifier.getLayer('out_relu').output });
    const expected = await valuesOf(view.predict(input) as tf.Tensor);
    const base = extractBase(classifier);
    try {
      assert.deepEqual(base.outputs[0]?.shape, [null, 1, 1, 1280]);
      assert.equal(
        base.layers.some((layer) => layer.name === 'logits' || layer.name === 'global_average_pooling2d'),
        false,
      );
      assert.equal(base.weights.length, 260);
      assert.deepEqual(await valuesOf(base.predict(input) as tf.Tensor), expected);
      classifier.dispose();
      classifier = undefined;
      assert.deepEqual(await valuesOf(base.predict(input) as tf.Tensor), expected, 'expected the copy to outlive the classifier');
    } finally {
      classifier?.dispose();
      base.dispose();
      input.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });

  test('rejects a model without an out_relu layer', () => {
    const start = tf.memory().numTensors;
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })], name: 'tiny' });
    try {
      assert.throws(() => extractBase(model), { message: 'expected a MobileNetV2 model with an out_relu layer, got tiny without one' });
    } finally {
      model.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });
});

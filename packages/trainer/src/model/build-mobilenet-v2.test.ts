import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { buildClassifier, buildMobileNetV2Base, makeDivisible } from './build-mobilenet-v2.js';

// Keras' MobileNetV2(include_top=False) totals, batch-norm moving statistics included.
const KERAS_PARAMS: ReadonlyArray<[alpha: number, params: number]> = [
  [0.35, 410_208],
  [0.5, 706_224],
  [0.75, 1_382_064],
  [1.0, 2_257_984],
  [1.3, 3_766_048],
  [1.4, 4_363_712],
];

before(async () => {
  await tf.setBackend('cpu');
});

describe('makeDivisible', () => {
  test('rounds like Keras _make_divisible', () => {
    assert.equal(makeDivisible(32 * 0.35), 16);
    assert.equal(makeDivisible(16 * 0.35), 8);
    assert.equal(makeDivisible(1280 * 1.3), 1664);
    assert.equal(makeDivisible(1280 * 1.4), 1792);
    // Rounding down more than 10 % is corrected upward.
    assert.equal(makeDivisible(13), 16);
  });
});

describe('buildMobileNetV2Base', () => {
  for (const [alpha, params] of KERAS_PARAMS) {
    test(`has Keras' parameter count at alpha ${alpha}`, () => {
      const start = tf.memory().numTensors;
      const model = buildMobileNetV2Base({ alpha, inputSize: 32 });
      try {
        assert.equal(model.countParams(), params);
      } finally {
        model.dispose();
      }
      assert.equal(tf.memory().numTensors, start);
    });
  }

  test('keeps Keras layer names and trainable split at alpha 1.0', () => {
    const start = tf.memory().numTensors;
    const model = buildMobileNetV2Base({ alpha: 1, inputSize: 32 });
    try {
      const trainable = model.trainableWeights.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
      assert.equal(trainable, 2_223_872);
      for (const name of ['Conv1', 'expanded_conv_depthwise', 'block_1_pad', 'block_16_project_BN', 'out_relu']) {
        assert.ok(model.getLayer(name), `layer ${name}`);
      }
    } finally {
      model.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });
});

describe('buildClassifier', () => {
  for (const inputSize of [32, 45]) {
    test(`builds at input size ${inputSize} and returns [batch, numClasses] logits`, () => {
      const start = tf.memory().numTensors;
      const model = buildClassifier({ alpha: 0.35, inputSize, numClasses: 5, seed: 1 });
      try {
        const logits = tf.tidy(() => model.predict(tf.zeros([2, inputSize, inputSize, 3])) as tf.Tensor);
        assert.deepEqual(logits.shape, [2, 5]);
        logits.dispose();
      } finally {
        model.dispose();
      }
      assert.equal(tf.memory().numTensors, start);
    });
  }

  test('gives identical initial weights for the same seed', async () => {
    const start = tf.memory().numTensors;
    const a = buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 3, seed: 7 });
    const b = buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 3, seed: 7 });
    try {
      const weightsA = a.getWeights();
      const weightsB = b.getWeights();
      assert.equal(weightsA.length, weightsB.length);
      for (let i = 0; i < weightsA.length; i += 1) {
        assert.deepEqual(await weightsA[i]?.data(), await weightsB[i]?.data());
      }
    } finally {
      a.dispose();
      b.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });

  test("gives every batch-norm layer Keras' momentum 0.999 unless told another", () => {
    const momenta = (model: tf.LayersModel): Set<unknown> =>
      new Set(model.layers.filter((layer) => layer.getClassName() === 'BatchNormalization').map((layer) => layer.getConfig().momentum));
    const keras = buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 2, seed: 1 });
    const fast = buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 2, seed: 1, batchNormMomentum: 0.9 });
    try {
      assert.deepEqual(momenta(keras), new Set([0.999]));
      assert.deepEqual(momenta(fast), new Set([0.9]));
    } finally {
      keras.dispose();
      fast.dispose();
    }
    assert.throws(() => buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 2, batchNormMomentum: 1 }), /expected batchNormMomentum in \[0, 1\), got 1/);
  });

  test('rejects a non-positive alpha', () => {
    assert.throws(() => buildClassifier({ alpha: 0, inputSize: 32, numClasses: 2 }), /expected alpha > 0, got 0/);
  });
});

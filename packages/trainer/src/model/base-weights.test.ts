import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { applyBaseWeights } from './apply-base-weights.js';
import { disposeBaseWeights, isBaseLayerName, parseWeightName } from './base-weights.js';
import { buildClassifier } from './build-mobilenet-v2.js';
import { extractBase } from './extract-base.js';
import { readBaseWeights } from './read-base-weights.js';
import { saveBaseModel } from './save-base-model.js';

const ALPHA = 0.35;
const INPUT_SIZE = 32;
const NUM_CLASSES = 4;

let root: string;

before(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'base-weights-'));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Largest |a − b| over two equally shaped tensors. */
async function maxAbsDifference(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const difference = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const [value] = await difference.data();
  difference.dispose();
  return value ?? Number.NaN;
}

/** Base features of `model`'s base for `input`, `[batch, 1, 1, 1280]` at input 32. */
function predictBase(model: tf.LayersModel, input: tf.Tensor4D): tf.Tensor {
  const base = extractBase(model);
  try {
    return base.predict(input) as tf.Tensor;
  } finally {
    base.dispose();
  }
}

/**
 * A few SGD steps on random images with `training: true`, so the kernels
 * move and so do the batch-norm moving statistics.
 */
function trainBriefly(classifier: tf.LayersModel): void {
  const optimizer = tf.train.sgd(0.1);
  try {
    tf.tidy(() => {
      const images = tf.randomUniform([4, INPUT_SIZE, INPUT_SIZE, 3], 0, 1, 'float32', 11);
      const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), NUM_CLASSES);
      for (let step = 0; step < 3; step += 1) {
        optimizer.minimize(() => {
          const logits = classifier.apply(images, { training: true }) as tf.Tensor;
          return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
        });
      }
    });
  } finally {
    optimizer.dispose();
  }
}

describe('parseWeightName', () => {
  test("reads Keras' names, nested prefixes, TensorFlow output indices and tfjs suffixes alike", () => {
    assert.deepEqual(parseWeightName('Conv1/kernel'), { layer: 'Conv1', role: 'kernel' });
    assert.deepEqual(parseWeightName('mobilenetv2_0.35_224/bn_Conv1/moving_mean:0'), { layer: 'bn_Conv1', role: 'moving_mean' });
    assert.deepEqual(parseWeightName('block_1_depthwise/depthwise_kernel_3'), { layer: 'block_1_depthwise', role: 'depthwise_kernel' });
    assert.equal(parseWeightName('kernel'), undefined);
  });
});

describe('isBaseLayerName', () => {
  test("accepts the base's weighted layers and rejects the head and weightless layers", () => {
    for (const name of ['Conv1', 'bn_Conv1', 'expanded_conv_depthwise_BN', 'block_1_expand', 'block_16_project_BN', 'Conv_1', 'Conv_1_bn']) {
      assert.equal(isBaseLayerName(name), true, `expected ${name} to be a base layer, got false`);
    }
    for (const name of ['logits', 'predictions', 'global_average_pooling2d', 'input_1', 'block_1_pad', 'out_relu', 'conv1']) {
      assert.equal(isBaseLayerName(name), false, `expected ${name} not to be a base layer, got true`);
    }
  });
});

describe('base weights, end to end', () => {
  test('a base the project trains, saves and loads again predicts the same', async () => {
    const start = tf.memory().numTensors;
    const dir = join(root, 'trained');
    const input = tf.randomUniform([2, INPUT_SIZE, INPUT_SIZE, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const trained = buildClassifier({ alpha: ALPHA, inputSize: INPUT_SIZE, numClasses: NUM_CLASSES, seed: 1 });
    const fresh = buildClassifier({ alpha: ALPHA, inputSize: INPUT_SIZE, numClasses: NUM_CLASSES, seed: 2 });
    const outputs: tf.Tensor[] = [];
    try {
      trainBriefly(trained);
      const movingMeanVariable = trained.getLayer('bn_Conv1').weights.find((w) => w.originalName === 'bn_Conv1/moving_mean');
      const [movingMean] = (await movingMeanVariable?.read().data()) ?? [];
      assert.notEqual(movingMean, 0, 'expected training to move the batch-norm moving mean, got its initial 0');

      const base = extractBase(trained);
      try {
        await saveBaseModel(base, dir);
      } finally {
        base.dispose();
      }
      const expected = predictBase(trained, input);
      const before = predictBase(fresh, input);
      outputs.push(expected, before);
      assert.ok((await maxAbsDifference(expected, before)) > 1e-3, 'expected the fresh base to differ before loading, got the same');

      const weights = await readBaseWeights(dir);
      try {
        applyBaseWeights(fresh, weights);
      } finally {
        disposeBaseWeights(weights);
      }
      const after = predictBase(fresh, input);
      outputs.push(after);
      const difference = await maxAbsDifference(expected, after);
      assert.ok(difference <= 1e-6, `expected the loaded base to predict as the trained one, within 1e-6, got ${difference}`);
    } finally {
      tf.dispose([input, ...outputs]);
      trained.dispose();
      fresh.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });
});

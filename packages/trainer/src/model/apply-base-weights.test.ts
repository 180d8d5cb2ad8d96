import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import { applyBaseWeights } from './apply-base-weights.js';
import { type BaseWeights, disposeBaseWeights } from './base-weights.js';
import { buildClassifier, buildMobileNetV2Base } from './build-mobilenet-v2.js';
import { readBaseWeights } from './read-base-weights.js';
import { saveBaseModel } from './save-base-model.js';

let root: string;
/** A base at α 0.35, input 32, seed 3, saved under root. */
let narrowDir: string;
/** A base at α 0.5, input 32, seed 4, saved under root. */
let wideDir: string;

before(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'apply-base-weights-'));
  narrowDir = join(root, 'alpha-0.35');
  wideDir = join(root, 'alpha-0.5');
  for (const [dir, alpha, seed] of [
    [narrowDir, 0.35, 3],
    [wideDir, 0.5, 4],
  ] as const) {
    const base = buildMobileNetV2Base({ alpha, inputSize: 32, seed });
    await saveBaseModel(base, dir);
    base.dispose();
  }
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every weight value of `model`, in `model.weights` order, as plain arrays. */
async function readAllWeights(model: tf.LayersModel): Promise<Float32Array[]> {
  return Promise.all(model.getWeights().map(async (weight) => (await weight.data()) as Float32Array));
}

/** The weights from `source` without one layer, sharing the other tensors. */
function withoutLayer(weights: BaseWeights, layer: string): BaseWeights {
  return { source: weights.source, layers: new Map([...weights.layers].filter(([name]) => name !== layer)) };
}

describe('applyBaseWeights', () => {
  test('sets every base weight from the file, moving statistics included, whatever the input size', async () => {
    const start = tf.memory().numTensors;
    const weights = await readBaseWeights(narrowDir);
    // Input 40, not the file's 32: no convolution weight depends on it.
    const model = buildMobileNetV2Base({ alpha: 0.35, inputSize: 40, seed: 9 });
    try {
      applyBaseWeights(model, weights);
      let checked = 0;
      for (const layer of model.layers) {
        for (const variable of layer.weights) {
          const role = variable.originalName.split('/').pop() ?? '';
          const expected = weights.layers.get(layer.name)?.get(role);
          assert.ok(expected, `expected the file to hold ${layer.name}/${role}, got nothing`);
          assert.deepEqual(await variable.read().data(), await expected.data(), `${layer.name}/${role}`);
          checked += 1;
        }
      }
      // 52 convolution kernels and 52 batch norms of four tensors each, as in Keras.
      assert.equal(checked, 260);
    } finally {
      disposeBaseWeights(weights);
      model.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });

  test('leaves the classifier head alone and keeps the values after the weights are disposed', async () => {
    const start = tf.memory().numTensors;
    const weights = await readBaseWeights(narrowDir);
    const classifier = buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 3, seed: 5 });
    try {
      const headBefore = await readAllWeights(classifier).then((all) => all.slice(-2));
      applyBaseWeights(classifier, weights);
      const expectedKernel = await weights.layers.get('block_16_project')?.get('kernel')?.data();
      disposeBaseWeights(weights);
      const applied = classifier.getLayer('block_16_project').getWeights()[0];
      assert.deepEqual(await applied?.data(), expectedKernel);
      assert.deepEqual(await readAllWeights(classifier).then((all) => all.slice(-2)), headBefore);
    } finally {
      disposeBaseWeights(weights);
      classifier.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });

  test('refuses a base of another α with the α it was made for, changing nothing', async () => {
    const start = tf.memory().numTensors;
    const weights = await readBaseWeights(wideDir);
    const model = buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 4, seed: 6 });
    try {
      const before = await readAllWeights(model);
      assert.throws(
        () => applyBaseWeights(model, weights),
        (error: unknown) => {
          assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
          assert.equal(error.code, ErrorCode.BadUserInput);
          assert.deepEqual(error.field, ['weights']);
          assert.ok(error.message.startsWith(`The weights in ${wideDir} do not fit this MobileNetV2 base: `), error.message);
          // Conv1 and the first block are as wide at both α; block_1_project is the first to differ.
          const listed =
            'block_1_project/kernel: expected float32 [1, 1, 48, 8], got float32 [1, 1, 48, 16]; ' +
            'block_1_project_BN/gamma: expected float32 [8], got float32 [16] (and 3 more of block_1_project_BN); ';
          assert.ok(error.message.includes(listed), `expected the message to list ${listed}, got: ${error.message}`);
          assert.match(error.message, /; and \d+ more layers\. /);
          assert.ok(
            error.message.endsWith(
              'Channel counts that differ usually mean the file was made for another width multiplier α: ' +
                "the file's layer widths match α 0.5, this model's match α 0.35. Use the file made for this model's α, or set α to 0.5.",
            ),
            error.message,
          );
          return true;
        },
      );
      assert.deepEqual(await readAllWeights(model), before, 'expected the model unchanged, got changed weights');
    } finally {
      disposeBaseWeights(weights);
      model.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });

  test('names a base layer the file lacks, changing nothing', async () => {
    const start = tf.memory().numTensors;
    const weights = await readBaseWeights(narrowDir);
    const model = buildMobileNetV2Base({ alpha: 0.35, inputSize: 32, seed: 7 });
    try {
      const before = await readAllWeights(model);
      assert.throws(() => applyBaseWeights(model, withoutLayer(weights, 'block_9_expand_BN')), {
        name: 'SweepscopeError',
        message:
          `The weights in ${narrowDir} do not fit this MobileNetV2 base: 4 of its ${model.weights.length} weights differ ` +
          '(expected is this model, got is the file): ' +
          'block_9_expand_BN/gamma: expected float32 [144], got no layer block_9_expand_BN in the file (and 3 more of block_9_expand_BN). ' +
          "Missing layers or weights mean the file is not Keras' MobileNetV2(include_top=False) with its layer names.",
      });
      assert.deepEqual(await readAllWeights(model), before, 'expected the model unchanged, got changed weights');
    } finally {
      disposeBaseWeights(weights);
      model.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });
});

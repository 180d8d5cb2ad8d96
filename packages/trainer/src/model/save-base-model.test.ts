import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { buildClassifier, buildMobileNetV2Base } from './build-mobilenet-v2.js';
import { MODEL_JSON_FILE } from './file-io-handler.js';
import { saveBaseModel } from './save-base-model.js';

let root: string;

before(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'save-base-model-'));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('saveBaseModel', () => {
  test("writes Keras' weight names even when tfjs suffixed the variables", async () => {
    const start = tf.memory().numTensors;
    const dir = join(root, 'suffixed');
    const first = buildMobileNetV2Base({ alpha: 0.35, inputSize: 32, seed: 1 });
    // Same layer names again in this process: tfjs names this one's variables Conv1/kernel_1 and so on.
    const second = buildMobileNetV2Base({ alpha: 0.35, inputSize: 32, seed: 2 });
    try {
      assert.notEqual(second.getLayer('Conv1').weights[0]?.name, 'Conv1/kernel', 'expected a suffixed variable name, got none');
      await saveBaseModel(second, dir);
    } finally {
      first.dispose();
      second.dispose();
    }
    const json = JSON.parse(await readFile(join(dir, MODEL_JSON_FILE), 'utf8')) as tf.io.ModelJSON;
    const names = json.weightsManifest.flatMap((group) => group.weights.map((weight) => weight.name));
    assert.equal(names.length, 260);
    assert.ok(names.includes('Conv1/kernel'), `expected Conv1/kernel among ${names.slice(0, 3).join(', ')}…`);
    assert.ok(names.includes('block_16_project_BN/moving_variance'));
    const suffixed = names.filter((name) => /_\d+$/.test(name));
    assert.deepEqual(suffixed, [], `expected no _N suffixes, got ${suffixed.slice(0, 3).join(', ')}`);
    assert.equal(tf.memory().numTensors, start);
  });

  test('refuses a classifier, pointing to extractBase', async () => {
    const start = tf.memory().numTensors;
    const classifier = buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 2, seed: 1 });
    try {
      await assert.rejects(saveBaseModel(classifier, join(root, 'classifier')), {
        message: 'expected a MobileNetV2 base ending at out_relu, got output layers [logits]; for a classifier pass extractBase(classifier)',
      });
    } finally {
      classifier.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });
});

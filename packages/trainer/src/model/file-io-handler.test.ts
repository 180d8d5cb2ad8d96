import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { createFileIOHandler, MODEL_JSON_FILE, WEIGHTS_FILE } from './file-io-handler.js';

let root: string;

before(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'file-io-handler-'));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A two-layer model, [batch, 4, 4, 3] → [batch, 2], small enough to read by eye. */
function buildTinyModel(): tf.LayersModel {
  const input = tf.input({ shape: [4, 4, 3] });
  const conv = tf.layers
    .conv2d({ filters: 2, kernelSize: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), name: 'Conv1' })
    .apply(input) as tf.SymbolicTensor;
  const flat = tf.layers.flatten().apply(conv) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }), name: 'logits' }).apply(flat) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

async function predictOnes(model: tf.LayersModel): Promise<Float32Array> {
  const output = tf.tidy(() => model.predict(tf.ones([1, 4, 4, 3])) as tf.Tensor);
  const values = (await output.data()) as Float32Array;
  output.dispose();
  return values;
}

describe('createFileIOHandler', () => {
  test('saves model.json and one weights.bin that load back into the same model', async () => {
    const start = tf.memory().numTensors;
    const dir = join(root, 'round-trip');
    const model = buildTinyModel();
    try {
      await model.save(createFileIOHandler(dir));
      assert.deepEqual((await readdir(dir)).sort(), [MODEL_JSON_FILE, WEIGHTS_FILE]);
      const loaded = await tf.loadLayersModel(createFileIOHandler(join(dir, MODEL_JSON_FILE)));
      try {
        assert.deepEqual(await predictOnes(loaded), await predictOnes(model));
      } finally {
        loaded.dispose();
      }
    } finally {
      model.dispose();
    }
    assert.equal(tf.memory().numTensors, start);
  });

  test('loads a folder the same as the model.json inside it', async () => {
    const start = tf.memory().numTensors;
    const dir = join(root, 'folder-or-file');
    const model = buildTinyModel();
    await model.save(createFileIOHandler(dir));
    model.dispose();
    const fromFolder = await createFileIOHandler(dir).load();
    const fromFile = await createFileIOHandler(join(dir, MODEL_JSON_FILE)).load();
    assert.deepEqual(fromFolder.weightSpecs, fromFile.weightSpecs);
    assert.deepEqual(fromFolder.modelTopology, fromFile.modelTopology);
    assert.deepEqual(new Uint8Array(fromFolder.weightData as ArrayBuffer), new Uint8Array(fromFile.weightData as ArrayBuffer));
    assert.equal(tf.memory().numTensors, start);
  });

  test('concatenates the shards of a sharded manifest in order, paths relative to model.json', async () => {
    const start = tf.memory().numTensors;
    const dir = join(root, 'sharded');
    const model = buildTinyModel();
    await model.save(createFileIOHandler(dir));
    model.dispose();
    const whole = await readFile(join(dir, WEIGHTS_FILE));
    const json = JSON.parse(await readFile(join(dir, MODEL_JSON_FILE), 'utf8')) as tf.io.ModelJSON;
    const cut = 20;
    await mkdir(join(dir, 'shards'));
    await writeFile(join(dir, 'shards', 'group1-shard1of2.bin'), whole.subarray(0, cut));
    await writeFile(join(dir, 'shards', 'group1-shard2of2.bin'), whole.subarray(cut));
    const group = json.weightsManifest[0];
    assert.ok(group, 'expected one weight group, got none');
    group.paths = ['shards/group1-shard1of2.bin', 'shards/group1-shard2of2.bin'];
    await writeFile(join(dir, 'sharded.json'), JSON.stringify(json));

    const artifacts = await createFileIOHandler(join(dir, 'sharded.json')).load();
    assert.ok(artifacts.weightData instanceof ArrayBuffer, 'expected one ArrayBuffer, got shards');
    assert.deepEqual(new Uint8Array(artifacts.weightData), new Uint8Array(whole));
    assert.equal(tf.memory().numTensors, start);
  });

  test('names the shard it expected when one is missing', async () => {
    const start = tf.memory().numTensors;
    const dir = join(root, 'missing-shard');
    const model = buildTinyModel();
    await model.save(createFileIOHandler(dir));
    model.dispose();
    await rm(join(dir, WEIGHTS_FILE));
    await assert.rejects(createFileIOHandler(dir).load(), {
      message: `expected weight shard ${join(dir, WEIGHTS_FILE)} (listed in ${join(dir, MODEL_JSON_FILE)}), got nothing there`,
    });
    assert.equal(tf.memory().numTensors, start);
  });

  test('says a folder without model.json lacks it', async () => {
    const start = tf.memory().numTensors;
    const dir = join(root, 'empty');
    await mkdir(dir);
    await assert.rejects(createFileIOHandler(dir).load(), {
      message: `expected the folder ${dir} to hold model.json, got nothing there`,
    });
    assert.equal(tf.memory().numTensors, start);
  });
});

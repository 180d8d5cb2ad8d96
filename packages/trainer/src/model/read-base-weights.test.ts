import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import { type BaseWeights, disposeBaseWeights } from './base-weights.js';
import { createFileIOHandler, MODEL_JSON_FILE, WEIGHTS_FILE } from './file-io-handler.js';
import { readBaseWeights } from './read-base-weights.js';

let root: string;
/** A saved model with two base layers (Conv1, bn_Conv1) and a head (logits). */
let modelDir: string;
let server: Server;
let baseUrl: string;

/**
 * Keras-named stem plus a head, [batch, 4, 4, 3] → [batch, 2]: enough to
 * read base and non-base weights without building all of MobileNetV2.
 */
function buildStemWithHead(): tf.LayersModel {
  const input = tf.input({ shape: [4, 4, 3] });
  let x = tf.layers
    .conv2d({
      filters: 4,
      kernelSize: 3,
      useBias: false,
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
      name: 'Conv1',
    })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ name: 'bn_Conv1', betaInitializer: 'ones' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
  x = tf.layers.dense({ units: 2, name: 'logits' }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: x });
}

before(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'read-base-weights-'));
  modelDir = join(root, 'stem');
  const model = buildStemWithHead();
  await model.save(createFileIOHandler(modelDir));
  model.dispose();
  // Serves files under root, like a static host of converted models.
  server = createServer((request, response) => {
    const path = join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    readFile(path).then(
      (body) => response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

/** Layer → role → values, for comparing two reads without keeping tensors. */
async function snapshot(weights: BaseWeights): Promise<Record<string, Record<string, number[]>>> {
  const out: Record<string, Record<string, number[]>> = {};
  for (const [layer, roles] of weights.layers) {
    const entry: Record<string, number[]> = {};
    out[layer] = entry;
    for (const [role, tensor] of roles) entry[role] = Array.from(await tensor.data());
  }
  return out;
}

/** Checks a rejection is the user-facing weights error and its message names `source`. */
function isWeightsError(source: string, pattern: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
    assert.equal(error.code, ErrorCode.BadUserInput);
    assert.deepEqual(error.field, ['weights']);
    assert.ok(error.message.includes(source), `expected the message to name ${source}, got: ${error.message}`);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('readBaseWeights', () => {
  test('keys base weights by Keras layer and role, and skips head layers', async () => {
    const start = tf.memory().numTensors;
    const weights = await readBaseWeights(modelDir);
    try {
      assert.equal(weights.source, modelDir);
      assert.deepEqual([...weights.layers.keys()].sort(), ['Conv1', 'bn_Conv1']);
      assert.deepEqual([...(weights.layers.get('Conv1')?.keys() ?? [])], ['kernel']);
      assert.deepEqual([...(weights.layers.get('bn_Conv1')?.keys() ?? [])].sort(), ['beta', 'gamma', 'moving_mean', 'moving_variance']);
      assert.deepEqual(weights.layers.get('Conv1')?.get('kernel')?.shape, [3, 3, 3, 4]);
      assert.deepEqual(Array.from((await weights.layers.get('bn_Conv1')?.get('beta')?.data()) ?? []), [1, 1, 1, 1]);
    } finally {
      disposeBaseWeights(weights);
    }
    assert.equal(tf.memory().numTensors, start);
  });

  test('reads the same weights from an http URL, a file:// URL and model.json itself', async () => {
    const start = tf.memory().numTensors;
    const sources = [modelDir, `${baseUrl}/stem/${MODEL_JSON_FILE}`, pathToFileURL(modelDir).href, join(modelDir, MODEL_JSON_FILE)];
    const snapshots = [];
    for (const source of sources) {
      const weights = await readBaseWeights(source);
      snapshots.push(await snapshot(weights));
      disposeBaseWeights(weights);
    }
    for (const [i, other] of snapshots.slice(1).entries()) {
      assert.deepEqual(other, snapshots[0], `expected ${sources[i + 1]} to read as ${modelDir}`);
    }
    assert.equal(tf.memory().numTensors, start);
  });

  describe('rejects what is not a layers model, naming the source', () => {
    test('a JSON file of something else', async () => {
      const start = tf.memory().numTensors;
      const path = join(root, 'settings.json');
      await writeFile(path, JSON.stringify({ hello: 'world' }));
      await assert.rejects(
        readBaseWeights(path),
        isWeightsError(
          path,
          /is not a TensorFlow\.js layers model: expected model\.json with modelTopology and weightsManifest, as tensorflowjs_converter --input_format keras writes; it has no modelTopology/,
        ),
      );
      assert.equal(tf.memory().numTensors, start);
    });

    test('a PNG image', async () => {
      const path = join(root, 'cat.png');
      // PNG signature and the start of an IHDR chunk.
      const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
      await writeFile(path, Buffer.from(png));
      await assert.rejects(
        readBaseWeights(path),
        isWeightsError(path, /to be JSON, got a file that does not parse as JSON\. Expected a TensorFlow\.js layers model/),
      );
    });

    test('a path with nothing there', async () => {
      const path = join(root, 'nowhere', MODEL_JSON_FILE);
      await assert.rejects(
        readBaseWeights(path),
        isWeightsError(path, /^Cannot read weights from .*: expected a model\.json file or a folder holding one at .*, got nothing there\./),
      );
    });

    test('a folder without model.json', async () => {
      const path = join(root, 'empty-folder');
      await mkdir(path);
      await assert.rejects(readBaseWeights(path), isWeightsError(path, /expected the folder .* to hold model\.json, got nothing there/));
    });

    test('a graph model', async () => {
      const path = join(root, 'graph');
      await mkdir(path);
      await writeFile(join(path, 'group1-shard1of1.bin'), new Uint8Array(0));
      await writeFile(
        join(path, MODEL_JSON_FILE),
        JSON.stringify({
          format: 'graph-model',
          modelTopology: { node: [{ name: 'x', op: 'Placeholder' }], library: {}, versions: {} },
          weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }],
        }),
      );
      await assert.rejects(readBaseWeights(path), isWeightsError(path, /is not a TensorFlow\.js layers model: .*; it is a graph model/));
    });

    test('a layers model without weightsManifest', async () => {
      const path = join(root, 'topology-only.json');
      const json = JSON.parse(await readFile(join(modelDir, MODEL_JSON_FILE), 'utf8')) as Record<string, unknown>;
      delete json['weightsManifest'];
      await writeFile(path, JSON.stringify(json));
      await assert.rejects(readBaseWeights(path), isWeightsError(path, /it has no weightsManifest/));
    });

    test('a missing shard', async () => {
      const path = join(root, 'no-shard');
      await mkdir(path);
      await writeFile(join(path, MODEL_JSON_FILE), await readFile(join(modelDir, MODEL_JSON_FILE)));
      await assert.rejects(readBaseWeights(path), isWeightsError(path, /expected weight shard .*weights\.bin .*, got nothing there/));
    });

    test('a shard of the wrong length, without leaking tensors', async () => {
      const start = tf.memory().numTensors;
      const path = join(root, 'short-shard');
      await mkdir(path);
      await writeFile(join(path, MODEL_JSON_FILE), await readFile(join(modelDir, MODEL_JSON_FILE)));
      await writeFile(join(path, WEIGHTS_FILE), await readFile(join(modelDir, WEIGHTS_FILE)));
      // 3·3·3·4 kernel + 4·4 batch norm + 4·2 + 2 dense = 134 float32s = 536 bytes.
      await truncate(join(path, WEIGHTS_FILE), 500);
      await assert.rejects(readBaseWeights(path), isWeightsError(path, /its weight shards hold 500 bytes, but its weightsManifest describes 536/));
      assert.equal(tf.memory().numTensors, start);
    });

    test('an http URL that answers 404', async () => {
      const url = `${baseUrl}/absent/${MODEL_JSON_FILE}`;
      await assert.rejects(readBaseWeights(url), isWeightsError(url, /failed with status code 404/));
    });

    test('an http URL nobody answers, with the reason fetch hides', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/${MODEL_JSON_FILE}`;
      await new Promise((resolve) => closed.close(resolve));
      await assert.rejects(readBaseWeights(url), isWeightsError(url, /fetch failed \(ECONNREFUSED\)/));
    });

    test('a layers model with no MobileNetV2 base layers, without leaking tensors', async () => {
      const start = tf.memory().numTensors;
      const path = join(root, 'dense');
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'predictions' })] });
      await model.save(createFileIOHandler(path));
      model.dispose();
      await assert.rejects(
        readBaseWeights(path),
        isWeightsError(path, /holds no weights of a MobileNetV2 base: expected Keras' layer names \(Conv1, bn_Conv1, block_1_expand, …\), got predictions/),
      );
      assert.equal(tf.memory().numTensors, start);
    });
  });
});

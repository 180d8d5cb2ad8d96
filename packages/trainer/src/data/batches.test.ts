import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { countBatches, makeBatches } from './batches.js';
import { makeSyntheticDataset } from './synthetic-dataset.js';

before(async () => {
  await tf.setBackend('cpu');
});

describe('makeBatches', () => {
  test('yields float32 [0, 1] images and int32 labels, keeping the last partial batch', async () => {
    const start = tf.memory().numTensors;
    const { train, inputSize } = makeSyntheticDataset({ inputSize: 8, trainCount: 10, valCount: 0, seed: 1 });
    const sizes: number[] = [];
    const labels: number[] = [];
    for (const { xs, ys } of makeBatches(train, inputSize, { batchSize: 4, shuffleBuffer: 1000, seed: 1, epoch: 1 })) {
      assert.equal(xs.dtype, 'float32');
      assert.equal(ys.dtype, 'int32');
      assert.deepEqual(xs.shape.slice(1), [8, 8, 3]);
      const range = tf.tidy(() => tf.stack([xs.min(), xs.max()]));
      const [min = -1, max = 2] = await range.data();
      range.dispose();
      assert.ok(min >= 0 && max <= 1, `range [${min}, ${max}]`);
      sizes.push(ys.shape[0]);
      labels.push(...(await ys.data()));
      tf.dispose([xs, ys]);
    }
    assert.deepEqual(sizes, [4, 4, 2]);
    assert.equal(countBatches(10, 4), 3);
    assert.deepEqual(labels.sort(), [...train.labels].sort());
    assert.equal(tf.memory().numTensors, start);
  });

  test('leaks nothing when the caller stops early', () => {
    const start = tf.memory().numTensors;
    const { train, inputSize } = makeSyntheticDataset({ inputSize: 4, trainCount: 10, valCount: 0, seed: 1 });
    for (const { xs, ys } of makeBatches(train, inputSize, { batchSize: 3 })) {
      tf.dispose([xs, ys]);
      break;
    }
    assert.equal(tf.memory().numTensors, start);
  });

  test('resizes stored images to the model input batch by batch, keeping a flat image flat', async () => {
    const start = tf.memory().numTensors;
    // Two 2×2 images, one mid-grey and one white, stored small as Fashion-MNIST is.
    const split = {
      images: Uint8Array.from([...Array<number>(12).fill(51), ...Array<number>(12).fill(255)]),
      size: 2,
      labels: Int32Array.from([0, 1]),
      count: 2,
    };
    const [batch] = [...makeBatches(split, 32, { batchSize: 2 })];
    assert.ok(batch);
    assert.deepEqual(batch.xs.shape, [2, 32, 32, 3]);
    const [first, second] = tf.tidy((): tf.Tensor[] => [batch.xs.slice([0], [1]).mean(), batch.xs.slice([1], [1]).min()]);
    assert.ok(Math.abs((await first!.data())[0]! - 0.2) < 1e-6);
    assert.equal((await second!.data())[0], 1);
    tf.dispose([batch.xs, batch.ys, first!, second!]);
    assert.equal(tf.memory().numTensors, start);
  });
});

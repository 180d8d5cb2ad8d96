import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { selectBackend } from '../backend/select-backend.js';
import { makeSyntheticDataset } from '../data/synthetic-dataset.js';
import { trainModel } from './train-model.js';

// The backend a CPU-only machine trains on, with the gradient kernels the trainer adds to it.
before(async () => {
  await selectBackend('wasm');
});

describe('trainModel memory', () => {
  test('holds the same tensors and bytes after epoch 5 as after epoch 1, and none once done', async () => {
    const start = tf.memory().numTensors;
    const dataset = makeSyntheticDataset({ inputSize: 32, trainCount: 20, valCount: 12, seed: 3 });
    const perEpoch: { numTensors: number; numBytes: number }[] = [];
    const result = await trainModel({
      dataset,
      alpha: 0.35,
      batchSize: 8,
      learningRate: 0.01,
      epochs: 5,
      seed: 3,
      shuffleBuffer: 1000,
      onEpoch: async () => {
        const { numTensors, numBytes } = tf.memory();
        perEpoch.push({ numTensors, numBytes });
      },
    });
    assert.equal(result.status, 'succeeded');
    assert.equal(perEpoch.length, 5);
    // A partial last batch (20 = 8 + 8 + 4) and validation run every epoch, so a leak in either would show.
    assert.deepEqual(perEpoch[4], perEpoch[0], `per epoch: ${JSON.stringify(perEpoch)}`);
    assert.equal(tf.memory().numTensors, start);
  });
});

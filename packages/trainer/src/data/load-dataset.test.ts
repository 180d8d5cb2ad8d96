import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadDataset } from './load-dataset.js';

describe('loadDataset', () => {
  test('makes the synthetic set with the limits as exact counts', async () => {
    const dataset = await loadDataset({ name: 'synthetic', inputSize: 8, trainLimit: 12, valLimit: 4, seed: 1 });
    assert.equal(dataset.name, 'synthetic');
    assert.equal(dataset.train.count, 12);
    assert.equal(dataset.val.count, 4);
  });

  test('passes the folder to the Fashion-MNIST loader', async () => {
    await assert.rejects(
      loadDataset({ name: 'fashion-mnist', inputSize: 28, seed: 1, fashionMnistDir: '/nonexistent/here' }),
      /\/nonexistent\/here\/t10k-images-idx3-ubyte\.gz/,
    );
  });

  test('rejects an unknown name', async () => {
    await assert.rejects(
      loadDataset({ name: 'cifar' as 'synthetic', inputSize: 8, seed: 1 }),
      /expected a data set name in synthetic, fashion-mnist, got cifar/,
    );
  });
});

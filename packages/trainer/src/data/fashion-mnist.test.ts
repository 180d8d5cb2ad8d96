import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import { loadFashionMnist } from './fashion-mnist.js';
import { FASHION_MNIST_SUBSET } from './fashion-mnist-subset.js';

// The slice that ships with Sweepscope: four files laid out as the whole set's are.
const dataDir = FASHION_MNIST_SUBSET.dir;

describe('loadFashionMnist', () => {
  test('loads a stratified 3-channel subset, kept at 28×28 whatever the input size', async () => {
    const dataset = await loadFashionMnist({ dataDir, inputSize: 32, trainLimit: 100, valLimit: 25 });
    assert.equal(dataset.numClasses, 10);
    assert.equal(dataset.train.count, 100);
    assert.equal(dataset.inputSize, 32);
    assert.equal(dataset.train.size, 28);
    assert.equal(dataset.train.images.length, 100 * 28 * 28 * 3);
    assert.equal(dataset.val.count, 25);
    assert.deepEqual(dataset.skipped, []);
    const counts = new Array<number>(10).fill(0);
    for (const label of dataset.train.labels) counts[label] = (counts[label] ?? 0) + 1;
    assert.deepEqual(counts, new Array<number>(10).fill(10));
    // Grey copied into three channels.
    const { images } = dataset.train;
    for (let p = 0; p < images.length; p += 3) {
      if (images[p] !== images[p + 1] || images[p] !== images[p + 2]) assert.fail(`pixel ${p / 3} is not grey`);
    }
    const again = await loadFashionMnist({ dataDir, inputSize: 32, trainLimit: 100, valLimit: 25 });
    assert.deepEqual(again.train.labels, dataset.train.labels);
    assert.deepEqual(again.val.images, dataset.val.images);
  });

  test('refuses a dataDir without the files, naming it and the Debian package', async () => {
    await assert.rejects(
      loadFashionMnist({ dataDir: '/nonexistent/fmnist', inputSize: 28 }),
      (error: Error) =>
        error instanceof SweepscopeError &&
        error.code === ErrorCode.BadUserInput &&
        error.message.startsWith('dataDir /nonexistent/fmnist does not exist: expected a folder holding train-images-idx3-ubyte.gz') &&
        error.message.includes('apt-get install dataset-fashion-mnist'),
    );
  });

  test('rejects an inputSize that is not a positive integer before looking for files', async () => {
    await assert.rejects(loadFashionMnist({ dataDir: '/nonexistent', inputSize: 0 }), /expected inputSize to be a positive integer, got 0/);
  });
});

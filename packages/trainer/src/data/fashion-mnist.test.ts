import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';

import { FASHION_MNIST_DEFAULT_DIR, loadFashionMnist } from './fashion-mnist.js';

const skip = existsSync(FASHION_MNIST_DEFAULT_DIR) ? false : `Fashion-MNIST not installed in ${FASHION_MNIST_DEFAULT_DIR}`;

describe('loadFashionMnist', () => {
  test('loads a stratified, resized, 3-channel subset', { skip }, async () => {
    const dataset = await loadFashionMnist({ inputSize: 32, trainLimit: 100, valLimit: 25 });
    assert.equal(dataset.numClasses, 10);
    assert.equal(dataset.train.count, 100);
    assert.equal(dataset.train.images.length, 100 * 32 * 32 * 3);
    assert.equal(dataset.val.count, 25);
    const counts = new Array<number>(10).fill(0);
    for (const label of dataset.train.labels) counts[label] = (counts[label] ?? 0) + 1;
    assert.deepEqual(counts, new Array<number>(10).fill(10));
    // Grey copied into three channels.
    const { images } = dataset.train;
    for (let p = 0; p < images.length; p += 3) {
      if (images[p] !== images[p + 1] || images[p] !== images[p + 2]) assert.fail(`pixel ${p / 3} is not grey`);
    }
    const again = await loadFashionMnist({ inputSize: 32, trainLimit: 100, valLimit: 25 });
    assert.deepEqual(again.train.labels, dataset.train.labels);
    assert.deepEqual(again.val.images, dataset.val.images);
  });

  test('names the missing path and the Debian package when files are absent', async () => {
    await assert.rejects(
      loadFashionMnist({ dir: '/nonexistent/fmnist', inputSize: 28 }),
      (error: Error) =>
        error.message.includes('/nonexistent/fmnist/train-images-idx3-ubyte.gz') &&
        error.message.includes('apt-get install dataset-fashion-mnist'),
    );
  });
});

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { loadFashionMnist } from './fashion-mnist.js';
import { FASHION_MNIST_FILE_NAMES, FASHION_MNIST_SYSTEM_DIR } from './fashion-mnist-files.js';
import { FASHION_MNIST_SUBSET, subsetHolds, writeFashionMnistSubset } from './fashion-mnist-subset.js';
import { readIdxFile } from './read-idx.js';

const skip = existsSync(FASHION_MNIST_SYSTEM_DIR) ? false : `the whole of Fashion-MNIST is not installed in ${FASHION_MNIST_SYSTEM_DIR}`;
/** Nowhere else to find or fetch the files: only the slice can answer. */
const offline = { cacheDir: '/nonexistent-sweepscope-cache', systemDirs: [], sourceUrl: 'http://127.0.0.1:9/' };

describe('the Fashion-MNIST slice that ships with Sweepscope', () => {
  test('loads the default preset’s 2,000 + 1,000 images with no network and no data package, 200 + 100 a class', async () => {
    const lines: string[] = [];
    const dataset = await loadFashionMnist({ inputSize: 32, trainLimit: 2000, valLimit: 1000, ...offline, onStatus: (line) => lines.push(line) });
    assert.deepEqual([dataset.train.count, dataset.val.count], [2000, 1000]);
    const perClass = (labels: ArrayLike<number>) => Array.from({ length: 10 }, (_, cls) => Array.from(labels).filter((label) => label === cls).length);
    assert.deepEqual(perClass(dataset.train.labels), Array(10).fill(200));
    assert.deepEqual(perClass(dataset.val.labels), Array(10).fill(100));
    assert.deepEqual(lines, ['Fashion-MNIST: using the 2,000 + 1,000-image slice that ships with Sweepscope']);
  });

  test('gives way to the whole set when the slice is missing', { skip }, async () => {
    const lines: string[] = [];
    const dataset = await loadFashionMnist({
      inputSize: 28,
      trainLimit: 20,
      valLimit: 10,
      ...offline,
      systemDirs: [FASHION_MNIST_SYSTEM_DIR],
      subsetDir: '/nonexistent-slice',
      onStatus: (line) => lines.push(line),
    });
    assert.equal(dataset.train.count, 20);
    assert.deepEqual(lines, [`Fashion-MNIST: using ${FASHION_MNIST_SYSTEM_DIR}`]);
  });

  test('is not used beyond what it holds, or for the whole set', () => {
    assert.equal(subsetHolds({ trainLimit: 2000, valLimit: 1000 }), true);
    assert.equal(subsetHolds({ trainLimit: 2001, valLimit: 1000 }), false);
    assert.equal(subsetHolds({ trainLimit: 2000, valLimit: 1001 }), false);
    assert.equal(subsetHolds({ valLimit: 10 }), false);
    assert.equal(subsetHolds({}), false);
  });

  test('gives the very images, labels and order the whole set gives, at every limit it holds', { skip }, async () => {
    for (const [trainLimit, valLimit] of [
      [2000, 1000],
      [1000, 500],
      [37, 13],
      [8, 4],
    ] as const) {
      const whole = await loadFashionMnist({ inputSize: 28, trainLimit, valLimit, dataDir: FASHION_MNIST_SYSTEM_DIR });
      const slice = await loadFashionMnist({ inputSize: 28, trainLimit, valLimit, ...offline });
      for (const split of ['train', 'val'] as const) {
        assert.deepEqual(slice[split].labels, whole[split].labels, `${split} labels at ${trainLimit}/${valLimit}`);
        assert.ok(Buffer.from(slice[split].images).equals(Buffer.from(whole[split].images)), `${split} images at ${trainLimit}/${valLimit}`);
      }
    }
  });

  test('holds what writeFashionMnistSubset makes of the whole set', { skip }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fashion-mnist-subset-'));
    try {
      await writeFashionMnistSubset(FASHION_MNIST_SYSTEM_DIR, dir);
      for (const name of FASHION_MNIST_FILE_NAMES) {
        const [made, shipped] = await Promise.all([readIdxFile(join(dir, name)), readIdxFile(join(FASHION_MNIST_SUBSET.dir, name))]);
        assert.deepEqual(made.shape, shipped.shape, name);
        assert.ok(Buffer.from(made.data).equals(Buffer.from(shipped.data)), name);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

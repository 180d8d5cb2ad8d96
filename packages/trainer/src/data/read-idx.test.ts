import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { FASHION_MNIST_SUBSET } from './fashion-mnist-subset.js';
import { parseIdx, readIdxFile } from './read-idx.js';

const DIR = FASHION_MNIST_SUBSET.dir;

describe('readIdxFile', () => {
  test('reads the Fashion-MNIST slice’s test images as [1000, 28, 28] bytes', async () => {
    const images = await readIdxFile(join(DIR, 't10k-images-idx3-ubyte.gz'));
    assert.deepEqual(images.shape, [1000, 28, 28]);
    assert.equal(images.data.length, 1000 * 28 * 28);
    assert.ok(
      images.data.some((v) => v === 255),
      'some pixel is white',
    );
  });

  test('reads the slice’s training labels as [2000] values in 0–9, 200 per class', async () => {
    const labels = await readIdxFile(join(DIR, 'train-labels-idx1-ubyte.gz'));
    assert.deepEqual(labels.shape, [2000]);
    const counts = new Array<number>(10).fill(0);
    for (const label of labels.data) {
      assert.ok(label < 10, `label ${label} out of range`);
      counts[label] = (counts[label] ?? 0) + 1;
    }
    assert.deepEqual(counts, new Array<number>(10).fill(200));
  });
});

describe('parseIdx', () => {
  test('parses a hand-made rank-2 array', () => {
    const buffer = Uint8Array.from([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
    const parsed = parseIdx(buffer);
    assert.deepEqual(parsed.shape, [2, 3]);
    assert.deepEqual([...parsed.data], [1, 2, 3, 4, 5, 6]);
  });

  test('rejects a bad magic number and a short body with expected/got messages', () => {
    assert.throws(() => parseIdx(Uint8Array.from([1, 2, 8, 1])), /expected an IDX magic number/);
    assert.throws(() => parseIdx(Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 5, 1, 2])), /expected 5 data bytes.*got 2/);
    assert.throws(() => parseIdx(Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0])), /got 0xd/);
  });
});

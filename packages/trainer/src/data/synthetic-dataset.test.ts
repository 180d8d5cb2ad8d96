import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { makeSyntheticDataset } from './synthetic-dataset.js';

describe('makeSyntheticDataset', () => {
  test('is byte-identical for the same seed', () => {
    const a = makeSyntheticDataset({ inputSize: 16, trainCount: 12, valCount: 8, seed: 3 });
    const b = makeSyntheticDataset({ inputSize: 16, trainCount: 12, valCount: 8, seed: 3 });
    assert.deepEqual(a, b);
  });

  test('differs for another seed, and keeps training images when only valCount changes', () => {
    const a = makeSyntheticDataset({ inputSize: 16, trainCount: 12, valCount: 8, seed: 3 });
    const other = makeSyntheticDataset({ inputSize: 16, trainCount: 12, valCount: 8, seed: 4 });
    const moreVal = makeSyntheticDataset({ inputSize: 16, trainCount: 12, valCount: 20, seed: 3 });
    assert.notDeepEqual(a.train.images, other.train.images);
    assert.deepEqual(moreVal.train.images, a.train.images);
  });

  test('has balanced labels, the requested shapes and 4 classes by default', () => {
    const dataset = makeSyntheticDataset({ inputSize: 10, trainCount: 20, valCount: 6, seed: 1 });
    assert.equal(dataset.numClasses, 4);
    assert.equal(dataset.train.images.length, 20 * 10 * 10 * 3);
    assert.deepEqual([...dataset.train.labels].filter((l) => l === 2).length, 5);
    assert.equal(dataset.val.count, 6);
  });

  test('separates classes by mean colour', () => {
    // A nearest-class-mean rule on the average RGB must beat chance by far: the set is learnable.
    const { train, val, inputSize, numClasses } = makeSyntheticDataset({ inputSize: 16, trainCount: 80, valCount: 40, seed: 9 });
    const meanRgb = (images: Uint8Array, i: number): number[] => {
      const sums = [0, 0, 0];
      const pixels = inputSize * inputSize;
      for (let p = 0; p < pixels; p += 1) {
        for (let c = 0; c < 3; c += 1) sums[c] = (sums[c] ?? 0) + (images[(i * pixels + p) * 3 + c] ?? 0);
      }
      return sums.map((s) => s / pixels);
    };
    const centroids = Array.from({ length: numClasses }, () => [0, 0, 0]);
    for (let i = 0; i < train.count; i += 1) {
      const rgb = meanRgb(train.images, i);
      const centroid = centroids[train.labels[i] ?? 0] ?? [];
      rgb.forEach((v, c) => (centroid[c] = (centroid[c] ?? 0) + v));
    }
    let correct = 0;
    for (let i = 0; i < val.count; i += 1) {
      const rgb = meanRgb(val.images, i);
      const distances = centroids.map((c) => c.reduce((d, v, k) => d + (v / (train.count / numClasses) - (rgb[k] ?? 0)) ** 2, 0));
      if (distances.indexOf(Math.min(...distances)) === val.labels[i]) correct += 1;
    }
    assert.ok(correct / val.count > 0.9, `nearest-mean accuracy ${correct / val.count}`);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { shuffleOrder } from './shuffle-order.js';

const isPermutation = (order: Int32Array, count: number): boolean => order.length === count && [...order].sort((a, b) => a - b).every((v, i) => v === i);

describe('shuffleOrder', () => {
  test('returns a permutation for buffers smaller than, equal to and larger than the data', () => {
    for (const bufferSize of [2, 7, 100, 1000]) {
      assert.ok(isPermutation(shuffleOrder({ count: 100, bufferSize, seed: 1, epoch: 1 }), 100), `buffer ${bufferSize}`);
    }
  });

  test('is deterministic per (seed, epoch) and differs between epochs and seeds', () => {
    const order = shuffleOrder({ count: 50, bufferSize: 20, seed: 5, epoch: 1 });
    assert.deepEqual(shuffleOrder({ count: 50, bufferSize: 20, seed: 5, epoch: 1 }), order);
    assert.notDeepEqual(shuffleOrder({ count: 50, bufferSize: 20, seed: 5, epoch: 2 }), order);
    assert.notDeepEqual(shuffleOrder({ count: 50, bufferSize: 20, seed: 6, epoch: 1 }), order);
  });

  test('keeps the input order with a buffer of 1 (or 0)', () => {
    const identity = Int32Array.from({ length: 10 }, (_, i) => i);
    assert.deepEqual(shuffleOrder({ count: 10, bufferSize: 1, seed: 1, epoch: 3 }), identity);
    assert.deepEqual(shuffleOrder({ count: 10, bufferSize: 0, seed: 1, epoch: 3 }), identity);
  });

  test('moves an element at most bufferSize - 1 places earlier, like tf.data', () => {
    const bufferSize = 8;
    const order = shuffleOrder({ count: 200, bufferSize, seed: 2, epoch: 1 });
    order.forEach((element, position) => assert.ok(element - position <= bufferSize - 1, `${element} at ${position}`));
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { createRandom, shuffleInPlace } from './seeded-random.js';

describe('shuffleInPlace', () => {
  test('reorders the array itself into a permutation that depends only on the seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = shuffleInPlace(items, createRandom(5));
    assert.equal(shuffled, items);
    assert.deepEqual(
      [...items].sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, i) => i),
    );
    assert.notDeepEqual(
      items,
      Array.from({ length: 20 }, (_, i) => i),
    );
    assert.deepEqual(
      shuffleInPlace(
        Array.from({ length: 20 }, (_, i) => i),
        createRandom(5),
      ),
      items,
    );
    assert.notDeepEqual(
      shuffleInPlace(
        Array.from({ length: 20 }, (_, i) => i),
        createRandom(6),
      ),
      items,
    );
  });
});

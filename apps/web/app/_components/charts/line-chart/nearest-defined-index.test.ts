import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { nearestDefinedIndex } from './nearest-defined-index';

describe('nearestDefinedIndex', () => {
  const xs = [0, 1, 5, 6, 10];

  it('keeps the hovered index when the series has a value there', () => {
    assert.equal(nearestDefinedIndex(xs, [1, 2, 3, 4, 5], 2), 2);
  });

  it('moves to the nearest value along x, not along the index', () => {
    // From x = 5: the value at x = 1 is 4 away, the one at x = 10 is 5 away.
    assert.equal(nearestDefinedIndex(xs, [null, 2, null, null, 5], 2), 1);
    // From x = 6: x = 10 is 4 away, x = 1 is 5 away.
    assert.equal(nearestDefinedIndex(xs, [null, 2, null, null, 5], 3), 4);
  });

  it('goes to the only side that has a value, and stays put when none has', () => {
    assert.equal(nearestDefinedIndex(xs, [7, null, null, null, null], 4), 0);
    assert.equal(nearestDefinedIndex(xs, [null, null, null, null, 9], 0), 4);
    assert.equal(nearestDefinedIndex(xs, [null, null, null, null, null], 3), 3);
  });
});

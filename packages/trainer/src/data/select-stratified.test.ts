import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { selectStratified } from './select-stratified.js';

describe('selectStratified', () => {
  test('keeps each class share and the file order', () => {
    const labels = Int32Array.from([0, 1, 0, 0, 1, 0, 2, 0, 0, 1]);
    // Shares 6:3:1 of 5 → 3, 1.5, 0.5: the half goes to the lower class.
    assert.deepEqual([...selectStratified(labels, 3, 5)], [0, 1, 2, 3, 4]);
    assert.deepEqual([...selectStratified(labels, 3, 10)], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('rejects labels out of range', () => {
    assert.throws(() => selectStratified(Int32Array.from([0, 3]), 3, 1), /expected labels in \[0, 3\), got 3/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { combineRepeats } from './combine-repeats';

describe('combineRepeats', () => {
  it('gives the mean and sample standard deviation of the repeats at each epoch', () => {
    const combined = combineRepeats([
      [
        { epoch: 1, x: 1, y: 2 },
        { epoch: 2, x: 2, y: 1 },
      ],
      [
        { epoch: 1, x: 1, y: 4 },
        { epoch: 2, x: 2, y: 1 },
      ],
    ]);
    assert.deepEqual(combined, [
      // Values 2 and 4: mean 3, sample variance ((−1)² + 1²) / 1 = 2.
      { epoch: 1, x: 1, mean: 3, sd: Math.SQRT2, n: 2 },
      { epoch: 2, x: 2, mean: 1, sd: 0, n: 2 },
    ]);
  });

  it('rests an epoch only some repeats reached on those, with no band for one', () => {
    const combined = combineRepeats([
      [
        { epoch: 2, x: 20, y: 5 },
        { epoch: 1, x: 10, y: 1 },
      ],
      [{ epoch: 1, x: 12, y: 3 }],
    ]);
    assert.deepEqual(combined, [
      { epoch: 1, x: 11, mean: 2, sd: Math.SQRT2, n: 2 },
      { epoch: 2, x: 20, mean: 5, sd: null, n: 1 },
    ]);
  });

  it('leaves values that are missing or not finite out of the mean', () => {
    const [point] = combineRepeats([[{ epoch: 1, x: 1, y: null }], [{ epoch: 1, x: 1, y: Number.POSITIVE_INFINITY }], [{ epoch: 1, x: 1, y: 0.5 }]]);
    assert.deepEqual(point, { epoch: 1, x: 1, mean: 0.5, sd: null, n: 1 });
    assert.deepEqual(combineRepeats([[{ epoch: 1, x: 1, y: null }]]), [{ epoch: 1, x: 1, mean: null, sd: null, n: 0 }]);
  });

  it('combines nothing into nothing', () => {
    assert.deepEqual(combineRepeats([]), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { alignSeries } from './align-series';

describe('alignSeries', () => {
  it('puts every line on the union of their x values, null where a line has no point', () => {
    const aligned = alignSeries([
      { x: [3, 6, 9], y: [1, 2, 3] },
      { x: [2, 4, 6], y: [10, null, 30] },
    ]);
    assert.deepEqual(aligned, [
      [2, 3, 4, 6, 9],
      [null, 1, null, 2, 3],
      [10, null, null, 30, null],
    ]);
  });

  it('aligns nothing into an empty x-axis', () => {
    assert.deepEqual(alignSeries([]), [[]]);
    assert.deepEqual(alignSeries([{ x: [], y: [] }]), [[], []]);
  });
});

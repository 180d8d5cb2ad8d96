import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { layOutLegend } from './lay-out-legend';

describe('layOutLegend', () => {
  it('puts entries side by side while they fit, then starts a new row', () => {
    // Each entry is 22 + 6 + 10 × 6 = 88 wide, with 18 between: two fit in 200, not three.
    const { placed, rows } = layOutLegend([{ label: 'aaaaaaaaaa' }, { label: 'bbbbbbbbbb' }, { label: 'cccccccccc' }], 200);
    assert.deepEqual(
      placed.map(({ x, row }) => [x, row]),
      [
        [0, 0],
        [106, 0],
        [0, 1],
      ],
    );
    assert.equal(rows, 2);
  });

  it('gives an entry wider than the legend a row of its own', () => {
    const { placed, rows } = layOutLegend([{ label: 'x'.repeat(50) }, { label: 'y' }], 100);
    assert.deepEqual(
      placed.map(({ row }) => row),
      [0, 1],
    );
    assert.equal(rows, 2);
  });

  it('takes no rows for no entries', () => {
    assert.deepEqual(layOutLegend([], 100), { placed: [], rows: 0 });
  });
});

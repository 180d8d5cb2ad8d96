import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { findRowSpan } from './find-row-span';

describe('findRowSpan', () => {
  it('spans the view and one view above and below', () => {
    // 20 rows of 30 px in view, scrolled to row 100.
    assert.deepEqual(findRowSpan({ scrolled: 3000, viewHeight: 600, rowHeight: 30, rows: 10_000 }), { first: 80, last: 140 });
  });

  it('starts at the first row at the top and ends at the last at the bottom', () => {
    assert.deepEqual(findRowSpan({ scrolled: 0, viewHeight: 600, rowHeight: 30, rows: 10_000 }), { first: 0, last: 40 });
    assert.deepEqual(findRowSpan({ scrolled: -200, viewHeight: 600, rowHeight: 30, rows: 10_000 }), { first: 0, last: 34 });
    assert.deepEqual(findRowSpan({ scrolled: 299_400, viewHeight: 600, rowHeight: 30, rows: 10_000 }), { first: 9960, last: 9999 });
  });

  it('moves in steps, wider rather than narrower', () => {
    assert.deepEqual(findRowSpan({ scrolled: 3000, viewHeight: 600, rowHeight: 30, rows: 10_000, step: 25 }), { first: 75, last: 150 });
  });

  it('answers an empty span for no rows', () => {
    assert.deepEqual(findRowSpan({ scrolled: 0, viewHeight: 600, rowHeight: 30, rows: 0 }), { first: 0, last: -1 });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { bandPath, linePath, nearestIndex } from './line-paths';

const double = (value: number) => value * 2;
const negate = (value: number) => -value;

describe('linePath', () => {
  it('moves to the first point and draws a line to each next one, scaled', () => {
    assert.equal(linePath([1, 2, 3], [10, 20, 30], double, negate), 'M2,-10L4,-20L6,-30');
  });

  it('joins across missing values rather than breaking the line', () => {
    assert.equal(linePath([1, 2, 3, 4], [null, 5, undefined, 7], double, negate), 'M4,-5L8,-7');
  });

  it('leaves out values that cannot be drawn, and draws nothing for a series with no point', () => {
    assert.equal(linePath([1, 2], [Number.NaN, 3], double, negate), 'M4,-3');
    assert.equal(linePath([1, 2], [null, null], double, negate), '');
  });

  it('rounds positions to hundredths, so the server and the browser print the same path', () => {
    assert.equal(
      linePath(
        [1],
        [1 / 3],
        (v) => v,
        (v) => v,
      ),
      'M1,0.33',
    );
  });
});

describe('bandPath', () => {
  it('runs along the upper edge and back along the lower one, where both have a value', () => {
    assert.equal(bandPath([1, 2, 3], [5, 6, 7], [1, null, 3], double, negate), 'M2,-5L6,-7L6,-3L2,-1Z');
  });

  it('draws nothing where the edges share no point', () => {
    assert.equal(bandPath([1, 2], [5, null], [null, 3], double, negate), '');
  });
});

describe('nearestIndex', () => {
  it('finds the x value nearest the pointer, ties to the left', () => {
    const xs = [1, 2, 4, 8];
    assert.equal(nearestIndex(xs, 0), 0);
    assert.equal(nearestIndex(xs, 2.9), 1);
    assert.equal(nearestIndex(xs, 3), 1);
    assert.equal(nearestIndex(xs, 3.1), 2);
    assert.equal(nearestIndex(xs, 100), 3);
    assert.equal(nearestIndex([5], 0), 0);
    assert.equal(nearestIndex([], 0), -1);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildSparklineDomain, buildSparklinePoints, listDrawnEpochs } from './build-sparkline';

const box = { width: 100, height: 20, inset: 0 };

describe('buildSparklineDomain', () => {
  it('spans the finite values, snapped outwards to 0.05, at least one step wide, within [0, 1]', () => {
    assert.deepEqual(buildSparklineDomain([0.2, 0.9, Number.NaN]), { min: 0.2, max: 0.9 });
    assert.deepEqual(buildSparklineDomain([0.21, 0.87]), { min: 0.2, max: 0.9 });
    assert.deepEqual(buildSparklineDomain([0.5]), { min: 0.45, max: 0.55 });
    assert.deepEqual(buildSparklineDomain([1]), { min: 0.95, max: 1 });
    assert.deepEqual(buildSparklineDomain([0]), { min: 0, max: 0.05 });
    assert.equal(buildSparklineDomain([]), null);
  });

  it('stays the same while new values stay within its steps', () => {
    assert.deepEqual(buildSparklineDomain([0.31, 0.62]), buildSparklineDomain([0.31, 0.62, 0.64, 0.33]));
  });
});

describe('buildSparklinePoints', () => {
  it('spreads epochs 1 to the planned count across the width, higher accuracy upwards', () => {
    const points = buildSparklinePoints([0, null, 1], 5, { min: 0, max: 1 }, box);
    assert.equal(points, '0,20 50,0');
  });

  it('draws a single epoch as a zero-length segment (a dot), and skips non-finite values', () => {
    const points = buildSparklinePoints([0.5, Number.NaN], 4, { min: 0, max: 1 }, box);
    assert.equal(points, '0,10 0,10');
  });
});

describe('listDrawnEpochs', () => {
  it('names the epochs that have a point, skipping gaps and non-finite values', () => {
    assert.deepEqual(listDrawnEpochs([0.1, null, 0.3, Number.NaN, 0.5]), [1, 3, 5]);
    assert.deepEqual(listDrawnEpochs([]), []);
  });
});

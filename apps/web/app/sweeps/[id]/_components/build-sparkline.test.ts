import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildSparklineDomain, buildSparklinePoints } from './build-sparkline';

const box = { width: 100, height: 20, inset: 0 };

describe('buildSparklineDomain', () => {
  it('spans the finite values, at least 0.02 wide, within [0, 1]', () => {
    assert.deepEqual(buildSparklineDomain([0.2, 0.9, Number.NaN]), { min: 0.2, max: 0.9 });
    const flat = buildSparklineDomain([0.5]);
    assert.ok(flat !== null && Math.abs(flat.min - 0.49) < 1e-12 && Math.abs(flat.max - 0.51) < 1e-12);
    assert.deepEqual(buildSparklineDomain([1]), { min: 0.98, max: 1 });
    assert.equal(buildSparklineDomain([]), null);
  });
});

describe('buildSparklinePoints', () => {
  it('spreads epochs 1 to the planned count across the width, higher accuracy upwards', () => {
    const points = buildSparklinePoints(
      [
        { epoch: 1, valAccuracy: 0 },
        { epoch: 3, valAccuracy: 1 },
      ],
      5,
      { min: 0, max: 1 },
      box,
    );
    assert.equal(points, '0,20 50,0');
  });

  it('draws a single epoch as a zero-length segment (a dot), and skips non-finite values', () => {
    const points = buildSparklinePoints(
      [
        { epoch: 1, valAccuracy: 0.5 },
        { epoch: 2, valAccuracy: Number.NaN },
      ],
      4,
      { min: 0, max: 1 },
      box,
    );
    assert.equal(points, '0,10 0,10');
  });
});

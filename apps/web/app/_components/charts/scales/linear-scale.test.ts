import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createLinearScale, getLinearTicks, getNiceLinearExtent } from './linear-scale';

describe('createLinearScale', () => {
  it('places values in proportion, onto a reversed range as a y axis does', () => {
    const scale = createLinearScale({ domain: [0, 10], range: [300, 100] });
    assert.equal(scale(0), 300);
    assert.equal(scale(2.5), 250);
    assert.equal(scale(10), 100);
    assert.equal(scale(20), -100);
  });

  it('inverts a position back to its value', () => {
    const scale = createLinearScale({ domain: [1, 51], range: [40, 640] });
    for (const value of [1, 7, 26, 51]) assert.ok(Math.abs(scale.invert(scale(value)) - value) < 1e-9);
  });

  it('maps every value of a one-value domain to the middle of the range', () => {
    const scale = createLinearScale({ domain: [3, 3], range: [0, 100] });
    assert.equal(scale(3), 50);
    assert.equal(scale.invert(80), 3);
  });

  it('refuses a domain that is not finite', () => {
    assert.throws(() => createLinearScale({ domain: [0, Number.NaN], range: [0, 1] }), /expected finite numbers/);
  });
});

describe('getLinearTicks', () => {
  it('gives round values 1, 2 or 5 times a power of ten apart, inside the range', () => {
    assert.deepEqual(getLinearTicks(0.2, 2.3), [0.5, 1, 1.5, 2]);
    assert.deepEqual(getLinearTicks(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(getLinearTicks(0.62, 0.71), [0.62, 0.64, 0.66, 0.68, 0.7]);
    assert.deepEqual(getLinearTicks(-3, 3), [-2, 0, 2]);
  });

  it('keeps whole-number axes whole: three epochs are ticked 1, 2, 3, not 1.5', () => {
    assert.deepEqual(getLinearTicks(1, 3, { wholeNumbers: true }), [1, 2, 3]);
    assert.deepEqual(getLinearTicks(1, 50, { wholeNumbers: true }), [10, 20, 30, 40, 50]);
    assert.deepEqual(getLinearTicks(0, 60_000, { wholeNumbers: true }), [0, 20_000, 40_000, 60_000]);
  });

  it('gives one tick for a range of one value, none for a fraction on a whole-number axis', () => {
    assert.deepEqual(getLinearTicks(4, 4), [4]);
    assert.deepEqual(getLinearTicks(0.5, 0.5, { wholeNumbers: true }), []);
  });
});

describe('getNiceLinearExtent', () => {
  it('widens the ends out to round values', () => {
    assert.deepEqual(getNiceLinearExtent(0.23, 2.31), [0, 2.5]);
    assert.deepEqual(getNiceLinearExtent(0.62, 0.71), [0.62, 0.72]);
  });

  it('gives a one-value range room on both sides', () => {
    assert.deepEqual(getNiceLinearExtent(0.5, 0.5), [-0.5, 1.5]);
    assert.deepEqual(getNiceLinearExtent(40, 40), [36, 44]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createLogScale, getLogExtent, getLogTicks } from './log-scale';

describe('createLogScale', () => {
  it('places equal ratios at equal distances', () => {
    const scale = createLogScale({ domain: [0.001, 0.1], range: [0, 200] });
    assert.equal(scale(0.001), 0);
    assert.ok(Math.abs(scale(0.01) - 100) < 1e-9);
    assert.ok(Math.abs(scale(0.1) - 200) < 1e-9);
  });

  it('maps onto a reversed range, as a y axis whose top is the largest value', () => {
    const scale = createLogScale({ domain: [16, 256], range: [300, 20] });
    assert.equal(scale(16), 300);
    assert.ok(Math.abs(scale(64) - 160) < 1e-9);
    assert.ok(Math.abs(scale(256) - 20) < 1e-9);
  });

  it('extrapolates beyond the domain', () => {
    const scale = createLogScale({ domain: [1, 10], range: [0, 100] });
    assert.ok(Math.abs(scale(100) - 200) < 1e-9);
    assert.ok(Math.abs(scale(0.1) + 100) < 1e-9);
  });

  it('inverts a position back to its value', () => {
    const scale = createLogScale({ domain: [32, 128], range: [50, 550] });
    for (const value of [32, 48, 64, 100, 128]) assert.ok(Math.abs(scale.invert(scale(value)) - value) < 1e-9);
  });

  it('puts every value of a one-value domain in the middle of the range', () => {
    const scale = createLogScale({ domain: [64, 64], range: [0, 100] });
    assert.equal(scale(64), 50);
    assert.equal(scale(8), 50);
  });

  it('refuses a domain or a value that is not above zero', () => {
    assert.throws(() => createLogScale({ domain: [0, 1], range: [0, 1] }), /expected a finite number > 0, got 0/);
    assert.throws(() => createLogScale({ domain: [1, Number.NaN], range: [0, 1] }), RangeError);
    const scale = createLogScale({ domain: [1, 10], range: [0, 1] });
    assert.throws(() => scale(-1), /got -1/);
  });
});

describe('getLogExtent', () => {
  it('widens the smallest and largest value by the padding ratio', () => {
    assert.deepEqual(getLogExtent([0.01, 0.001, 0.1], 2), [0.0005, 0.2]);
  });

  it('gives a single value room on both sides', () => {
    assert.deepEqual(getLogExtent([64]), [64 / 1.5, 96]);
  });

  it('refuses no values, a value not above zero, and a padding below 1', () => {
    assert.throws(() => getLogExtent([]), /at least one value/);
    assert.throws(() => getLogExtent([1, 0]), RangeError);
    assert.throws(() => getLogExtent([1], 0.5), /ratio ≥ 1, got 0.5/);
  });
});

describe('getLogTicks', () => {
  it('ticks each power of ten when the range spans three or more', () => {
    assert.deepEqual(getLogTicks(0.0005, 0.2), [0.001, 0.01, 0.1]);
  });

  it('adds the 2× and 5× steps when a range holds fewer than three powers of ten', () => {
    assert.deepEqual(getLogTicks(0.03, 0.6), [0.05, 0.1, 0.2, 0.5]);
  });

  it('counts an end that is a power of ten up to a rounding error', () => {
    assert.deepEqual(getLogTicks(0.001, 0.10000000000000002), [0.001, 0.01, 0.1]);
  });

  it('accepts the ends in either order', () => {
    assert.deepEqual(getLogTicks(1000, 1), [1, 10, 100, 1000]);
  });
});

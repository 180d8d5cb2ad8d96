import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { smoothEma } from './smooth-ema';

function assertClose(actual: readonly (number | null)[], expected: readonly (number | null)[]): void {
  assert.equal(actual.length, expected.length, `expected ${expected.length} points, got ${actual.length}`);
  actual.forEach((value, i) => {
    const want = expected[i] ?? null;
    if (want === null || value === null) assert.equal(value, want, `point ${i}`);
    else assert.ok(Math.abs(value - want) < 1e-12, `point ${i}: expected ${want}, got ${value}`);
  });
}

describe('smoothEma', () => {
  it('returns the raw series at weight 0', () => {
    assert.deepEqual(smoothEma([3, 1, 2], 0), [3, 1, 2]);
  });

  it('starts at the first value rather than near zero (debiased)', () => {
    const [first] = smoothEma([10, 0, 0], 0.9);
    assert.equal(first, 10);
  });

  it("matches TensorBoard's debiased average", () => {
    // last₁ = 0.5·1 = 0.5 → 0.5 / (1 − 0.5) = 1
    // last₂ = 0.25 + 0.5·3 = 1.75 → 1.75 / (1 − 0.25) = 2.333…
    // last₃ = 0.875 + 0.5·2 = 1.875 → 1.875 / (1 − 0.125) = 2.142857…
    assertClose(smoothEma([1, 3, 2], 0.5), [1, 7 / 3, 15 / 7]);
  });

  it('passes nulls and non-finite values through without letting them into the average', () => {
    const [a, b, c, d] = smoothEma([1, null, Number.NaN, 3], 0.5);
    assert.equal(a, 1);
    assert.equal(b, null);
    assert.ok(Number.isNaN(c));
    assertClose([d ?? null], [7 / 3]);
  });

  it('leaves a constant series exactly as it is', () => {
    assert.deepEqual(smoothEma([0.1, 0.1, 0.1], 0.99), [0.1, 0.1, 0.1]);
  });

  it('refuses a weight outside [0, 1)', () => {
    assert.throws(() => smoothEma([1], 1), /expected a smoothing weight in \[0, 1\), got 1/);
    assert.throws(() => smoothEma([1], -0.1), RangeError);
    assert.throws(() => smoothEma([1], Number.NaN), RangeError);
  });
});

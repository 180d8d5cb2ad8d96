import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adjustHolm } from './adjust-holm.js';

describe('adjustHolm', () => {
  it('matches R’s p.adjust(method = "holm"), in the order given', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") is 0.03 0.06 0.06 0.02
    const adjusted = adjustHolm([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((expected, i) => assert.ok(Math.abs(adjusted[i]! - expected) < 1e-12, `p ${i}: expected ${expected}, got ${adjusted[i]}`));
  });

  it('caps at 1 and leaves a single test alone', () => {
    assert.deepEqual(adjustHolm([0.5, 0.9]), [1, 1]);
    assert.deepEqual(adjustHolm([0.02]), [0.02]);
    assert.deepEqual(adjustHolm([]), []);
  });
});

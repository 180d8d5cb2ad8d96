import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDivergence } from './find-divergence.js';

describe('findDivergence', () => {
  it('passes losses up to ten times a uniform guess, and flags larger and non-finite ones', () => {
    assert.equal(findDivergence(2.3, 10), undefined);
    assert.equal(findDivergence(23, 10), undefined, 'ten times ln 10 = 23.03 is still allowed');
    assert.equal(findDivergence(23.1, 10), "the loss exceeded 10 × ln 10 = 23.0 nats, 10 times a uniform guess's");
    assert.equal(findDivergence(8283, 10, 4), "the loss exceeded 4 × ln 10 = 9.2 nats, 4 times a uniform guess's");
    assert.equal(findDivergence(Number.NaN, 10), 'the loss became NaN');
    assert.equal(findDivergence(Number.POSITIVE_INFINITY, 5), 'the loss became Infinity');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankAverage } from './rank-average.js';
import { computeSpearmanRho } from './spearman-rho.js';

describe('rankAverage', () => {
  it('gives tied values the mean of the ranks they span', () => {
    assert.deepEqual(rankAverage([0.9, 0.5, 0.2, 0.5]), [4, 2.5, 1, 2.5]);
  });

  it('treats values equal but for rounding as tied', () => {
    assert.deepEqual(rankAverage([(0.5 + 0.7) / 2, 0.6, 0.1]), [2.5, 2.5, 1]);
  });
});

describe('computeSpearmanRho', () => {
  it('is 1 for the same order, −1 for the reverse, whatever the spacing', () => {
    assert.equal(computeSpearmanRho([0.1, 0.2, 0.9], [3, 50, 51]), 1);
    assert.equal(computeSpearmanRho([0.1, 0.2, 0.9], [51, 50, 3]), -1);
  });

  it('matches SciPy’s spearmanr with ties: 0.9487 for [1, 2, 2, 4] against [1, 3, 2, 4]', () => {
    const rho = computeSpearmanRho([1, 2, 2, 4], [1, 3, 2, 4]);
    assert.ok(rho !== null && Math.abs(rho - 0.9486832980505139) < 1e-12, `got ${rho}`);
  });

  it('is undefined when one side is all tied', () => {
    assert.equal(computeSpearmanRho([0.5, 0.5, 0.5], [1, 2, 3]), null);
  });

  it('refuses lists of different lengths', () => {
    assert.throws(() => computeSpearmanRho([1, 2, 3], [1, 2]), /got 3 and 2/);
  });
});

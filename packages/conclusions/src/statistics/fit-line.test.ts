import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitLine } from './fit-line.js';

describe('fitLine', () => {
  it('recovers an exact line, with zero standard error', () => {
    const fit = fitLine([1, 2, 3, 4], [3, 5, 7, 9]);
    assert.ok(Math.abs(fit.slope - 2) < 1e-12 && Math.abs(fit.intercept - 1) < 1e-12, `got ${fit.slope}, ${fit.intercept}`);
    assert.equal(fit.slopeStandardError, 0);
  });

  it('gives the textbook slope and standard error for scattered points', () => {
    // x = 1..4, y = 1, 3, 2, 5: slope 5.5 / 5 = 1.1, intercept 0, residuals −0.1, 0.8, −1.3, 0.6, SE √(2.7 / 2 / 5).
    const fit = fitLine([1, 2, 3, 4], [1, 3, 2, 5]);
    assert.ok(Math.abs(fit.slope - 1.1) < 1e-12, `got ${fit.slope}`);
    assert.ok(Math.abs(fit.slopeStandardError! - Math.sqrt(0.27)) < 1e-12, `got ${fit.slopeStandardError}`);
  });

  it('has no standard error through two points', () => {
    assert.equal(fitLine([0, 1], [0, 1]).slopeStandardError, null);
  });

  it('refuses points that all share one x', () => {
    assert.throws(() => fitLine([2, 2], [1, 3]), /at least two different x values/);
  });
});

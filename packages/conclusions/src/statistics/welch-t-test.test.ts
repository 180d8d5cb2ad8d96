import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testWelch } from './welch-t-test.js';

function assertNear(actual: number | null, expected: number, tolerance = 1e-9): void {
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `expected ${expected} ± ${tolerance}, got ${actual}`);
}

describe('testWelch', () => {
  it('matches SciPy’s ttest_ind(equal_var=False) for clearly different samples', () => {
    const result = testWelch([0.81, 0.83, 0.82], [0.78, 0.8, 0.76, 0.79]);
    assertNear(result.t, 3.6380343755449958);
    assertNear(result.degreesOfFreedom, 4.849596022374137);
    assertNear(result.pValue, 0.015752005371269553);
  });

  it('gives the 95 % confidence interval of the difference as SciPy’s confidence_interval does', () => {
    // scipy.stats.ttest_ind([0.84, 0.86, 0.85], [0.80, 0.83, 0.79, 0.81], equal_var=False).confidence_interval(0.95)
    const result = testWelch([0.84, 0.86, 0.85], [0.8, 0.83, 0.79, 0.81]);
    assertNear(result.difference, 0.0425);
    assertNear(result.interval[0], 0.015753961409800194);
    assertNear(result.interval[1], 0.06924603859019977);
    assertNear(result.pValue, 0.00975674070779887);
  });

  it('matches SciPy for overlapping samples, whose p-value is far above 0.05', () => {
    const result = testWelch([0.7, 0.74, 0.72], [0.69, 0.75, 0.71]);
    assertNear(result.t, 0.15811388300842247);
    assertNear(result.degreesOfFreedom, 3.4482758620689653);
    assertNear(result.pValue, 0.8831834703135296);
  });

  it('calls samples without spread equal when their means match and different when they do not', () => {
    assert.deepEqual(testWelch([0.5, 0.5], [0.5, 0.5]), { t: 0, degreesOfFreedom: null, pValue: 1, difference: 0, interval: [0, 0] });
    const apart = testWelch([0.5, 0.5], [0.75, 0.75]);
    assert.deepEqual(apart, { t: null, degreesOfFreedom: null, pValue: 0, difference: -0.25, interval: [-0.25, -0.25] });
  });

  it('refuses a sample of one', () => {
    assert.throws(() => testWelch([0.5], [0.6, 0.7]), /expected at least two values in each sample, got 1 and 2/);
  });
});

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

  it('matches SciPy for overlapping samples, whose p-value is far above 0.05', () => {
    const result = testWelch([0.7, 0.74, 0.72], [0.69, 0.75, 0.71]);
    assertNear(result.t, 0.15811388300842247);
    assertNear(result.degreesOfFreedom, 3.4482758620689653);
    assertNear(result.pValue, 0.8831834703135296);
  });

  it('calls samples without spread equal when their means match and different when they do not', () => {
    assert.deepEqual(testWelch([0.5, 0.5], [0.5, 0.5]), { t: 0, degreesOfFreedom: null, pValue: 1 });
    assert.deepEqual(testWelch([0.5, 0.5], [0.6, 0.6]), { t: null, degreesOfFreedom: null, pValue: 0 });
  });

  it('refuses a sample of one', () => {
    assert.throws(() => testWelch([0.5], [0.6, 0.7]), /expected at least two values in each sample, got 1 and 2/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logGamma, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from './student-t.js';

function assertNear(actual: number, expected: number, tolerance = 1e-10): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected} ± ${tolerance}, got ${actual}`);
}

describe('logGamma', () => {
  it('matches ln((n − 1)!) at whole numbers and ln √π at one half', () => {
    assertNear(logGamma(1), 0);
    assertNear(logGamma(5), Math.log(24));
    assertNear(logGamma(11), Math.log(3628800));
    assertNear(logGamma(0.5), 0.5 * Math.log(Math.PI));
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches its closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a and I_½(a, a) = ½', () => {
    assertNear(regularizedIncompleteBeta(0.3, 1, 1), 0.3);
    assertNear(regularizedIncompleteBeta(0.7, 3, 1), 0.7 ** 3);
    assertNear(regularizedIncompleteBeta(0.5, 4.5, 4.5), 0.5);
  });

  it('matches SciPy’s betainc on both sides of the symmetry switch', () => {
    // scipy.special.betainc(2.5, 3.5, 0.3) and betainc(10, 0.5, 0.9)
    assertNear(regularizedIncompleteBeta(0.3, 2.5, 3.5), 0.29675298929566646);
    assertNear(regularizedIncompleteBeta(0.9, 10, 0.5), 0.15164090963470994);
  });

  it('refuses x outside [0, 1]', () => {
    assert.throws(() => regularizedIncompleteBeta(1.5, 1, 1), /expected 0 ≤ x ≤ 1, got 1.5/);
  });
});

describe('studentTCdf', () => {
  it('is the Cauchy distribution at one degree of freedom: ½ + atan(t) / π', () => {
    for (const t of [-3, -0.4, 0, 1, 12.706]) assertNear(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI);
  });

  it('matches the closed form at two degrees of freedom: ½ + t / (2√(2 + t²))', () => {
    for (const t of [-2, 0.5, 4.303]) assertNear(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)));
  });

  it('puts 97.5 % below the tabled critical value 2.228 at ten degrees of freedom', () => {
    assertNear(studentTCdf(2.228138851986, 10), 0.975);
  });

  it('matches SciPy’s t.cdf, fractional degrees of freedom included', () => {
    assertNear(studentTCdf(-1.5, 3), 0.11529193262241147);
    assertNear(studentTCdf(0.7, 4.5), 0.7407801988441911);
    assertNear(studentTCdf(3, 30), 0.9973050179671741);
  });

  it('gives 1 and 0 at the infinities and refuses non-positive degrees of freedom', () => {
    assert.equal(studentTCdf(Infinity, 3), 1);
    assert.equal(studentTCdf(-Infinity, 3), 0);
    assert.throws(() => studentTCdf(1, 0), /expected degrees of freedom > 0, got 0/);
  });
});

describe('studentTQuantile', () => {
  it('matches SciPy’s t.ppf, including the fractional degrees of freedom Welch’s test gives', () => {
    // scipy.stats.t.ppf(0.975, 2), t.ppf(0.975, 4), t.ppf(0.975, 3.7) and t.ppf(0.025, 30)
    assertNear(studentTQuantile(0.975, 2), 4.302652729749462, 1e-9);
    assertNear(studentTQuantile(0.975, 4), 2.7764451051977934, 1e-9);
    assertNear(studentTQuantile(0.975, 3.7), 2.8675207071911895, 1e-9);
    assertNear(studentTQuantile(0.025, 30), -2.042272456301238, 1e-9);
  });
});

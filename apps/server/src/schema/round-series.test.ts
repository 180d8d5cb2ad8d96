import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@sweepscope/core';
import { roundSeries } from './round-series.js';

describe('roundSeries', () => {
  it('rounds to the significant digits asked for, keeping nulls, zeros and non-finite numbers', () => {
    assert.deepEqual(roundSeries([0.8123999834060669, null, 0.1, 0, 1234.5678, -0.000123456, Number.NaN], 3), [
      0.812,
      null,
      0.1,
      0,
      1230,
      -0.000123,
      Number.NaN,
    ]);
    assert.deepEqual(roundSeries([1e19 + 12345, 3.14159e-30], 2), [1e19, 3.1e-30]);
  });

  it('agrees with toPrecision within one unit of the last digit kept, and prints with no more digits', () => {
    for (let index = 0; index < 20_000; index += 1) {
      const value = Math.random() * 10 ** Math.floor(Math.random() * 40 - 20);
      const digits = 1 + (index % 8);
      const [rounded] = roundSeries([value], digits);
      const reference = Number(value.toPrecision(digits));
      const unit = 10 ** (Math.floor(Math.log10(reference)) - digits + 1);
      assert.ok(Math.abs((rounded ?? Number.NaN) - reference) <= unit * 1.000001, `${value} to ${digits}: ${rounded} against ${reference}`);
      const significant = (rounded ?? 0).toExponential().split('e')[0]!.replace(/[-.]/g, '').replace(/0+$/, '');
      assert.ok(significant.length <= digits, `${value} to ${digits} digits printed as ${rounded}`);
    }
  });

  it('refuses a number of digits outside 1–17 with BAD_USER_INPUT naming the argument', () => {
    for (const digits of [0, 18, 2.5, -1]) {
      assert.throws(() => roundSeries([0.5], digits), {
        code: ErrorCode.BadUserInput,
        message: /^significantDigits is .*: expected a whole number from 1 to 17/,
      });
    }
  });
});

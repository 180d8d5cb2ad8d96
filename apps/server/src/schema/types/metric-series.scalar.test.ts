import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valueFromAST, parseValue as parseGraphQLValue } from 'graphql';
import { MetricSeries } from './metric-series.scalar.js';

describe('MetricSeries', () => {
  it('sends an array of numbers and nulls as it is', () => {
    assert.deepEqual(MetricSeries.serialize([0.5, null, 1e-7, 0]), [0.5, null, 1e-7, 0]);
    assert.deepEqual(MetricSeries.serialize([]), []);
  });

  it('refuses anything a JSON array of numbers cannot carry: NaN, infinities, text, objects', () => {
    for (const value of [[Number.NaN], [Number.POSITIVE_INFINITY], ['0.5'], [{ value: 1 }], 0.5, null, 'x']) {
      assert.throws(() => MetricSeries.serialize(value), /expected an array of finite numbers and nulls/, JSON.stringify(value));
    }
  });

  it('is never an argument', () => {
    assert.throws(() => MetricSeries.parseValue([1]), /output only/);
    assert.equal(valueFromAST(parseGraphQLValue('[1, 2]'), MetricSeries), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { booleanParam, enumParam, listParam, numberParam, readUrlState, stringParam, toQueryString, writeUrlState } from './url-state';

const params = {
  metric: enumParam(['valAccuracy', 'valLoss', 'loss'], 'valAccuracy'),
  smoothing: numberParam(0, { min: 0, max: 0.99 }),
  page: numberParam(1, { min: 1, integer: true }),
  runs: listParam(),
  log: booleanParam(),
  q: stringParam(),
};

function write(state: Parameters<typeof writeUrlState<typeof params>>[1], current = ''): string {
  return toQueryString(writeUrlState(params, state, new URLSearchParams(current)));
}

const defaults = readUrlState(params, new URLSearchParams());

describe('readUrlState', () => {
  it('gives every key its default when the query string is empty', () => {
    assert.deepEqual(defaults, { metric: 'valAccuracy', smoothing: 0, page: 1, runs: [], log: false, q: '' });
  });

  it('reads each key with its own parser', () => {
    const state = readUrlState(params, new URLSearchParams('metric=valLoss&smoothing=0.6&page=3&runs=12,7&log=1&q=bn%20momentum'));
    assert.deepEqual(state, { metric: 'valLoss', smoothing: 0.6, page: 3, runs: ['12', '7'], log: true, q: 'bn momentum' });
  });

  it('falls back to the default for text a parser cannot read', () => {
    const state = readUrlState(params, new URLSearchParams('metric=accuracy&smoothing=1.5&page=2.5&log=maybe'));
    assert.equal(state.metric, 'valAccuracy');
    assert.equal(state.smoothing, 0);
    assert.equal(state.page, 1);
    assert.equal(state.log, false);
  });

  it('reads a server page searchParams record, taking the first of repeated keys', () => {
    const state = readUrlState(params, { metric: ['loss', 'valLoss'], page: '2', other: 'x' });
    assert.equal(state.metric, 'loss');
    assert.equal(state.page, 2);
  });

  it('drops empty and repeated list items', () => {
    assert.deepEqual(readUrlState(params, new URLSearchParams('runs=3,,7,3,')).runs, ['3', '7']);
  });
});

describe('writeUrlState', () => {
  it('omits keys whose value is the default', () => {
    assert.equal(write(defaults), '');
    assert.equal(write({ ...defaults, metric: 'loss' }), 'metric=loss');
  });

  it('removes a key set back to its default', () => {
    assert.equal(write({ ...defaults, metric: 'loss', smoothing: 0 }, 'smoothing=0.6&metric=loss'), 'metric=loss');
  });

  it('keeps keys it does not own', () => {
    assert.equal(write({ ...defaults, log: true }, 'tab=settings'), 'log=1&tab=settings');
  });

  it('writes lists with readable commas and sorts keys for stable URLs', () => {
    assert.equal(write({ ...defaults, runs: ['12', '7'], page: 2 }), 'page=2&runs=12,7');
  });

  it('round-trips every value through the query string', () => {
    const state = { metric: 'valLoss', smoothing: 0.25, page: 4, runs: ['a', 'b'], log: true, q: 'a&b=c' } as const;
    assert.deepEqual(readUrlState(params, new URLSearchParams(write(state))), state);
  });
});

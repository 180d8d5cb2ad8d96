import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readUrlState, toQueryString, writeUrlState } from '@/lib/url-state';

import { allRunsUrlState, sweepRunsUrlState } from './runs-table-url-state';

describe('runs table URL state', () => {
  it('opens every sweep’s runs newest first, and a sweep’s by cell, with nothing filtered', () => {
    assert.deepEqual(readUrlState(allRunsUrlState, new URLSearchParams()), { sort: 'id', dir: 'desc', status: [], batch: [], tag: '', q: '', runs: [] });
    assert.deepEqual(readUrlState(sweepRunsUrlState, new URLSearchParams()), { sort: 'cell', dir: 'asc', status: [], batch: [], tag: '', q: '', runs: [] });
  });

  it('reads the statuses it knows, dropping other words, and an unknown column as the default', () => {
    const state = readUrlState(allRunsUrlState, new URLSearchParams('status=running,exploded,stopped_early&sort=bogus&dir=up'));
    assert.deepEqual(state.status, ['running', 'stopped_early']);
    assert.equal(state.sort, 'id');
    assert.equal(state.dir, 'desc');
  });

  it('writes a view as a short query string, defaults left out', () => {
    const state = { ...readUrlState(sweepRunsUrlState, new URLSearchParams()), sort: 'finalLoss', status: ['failed', 'diverged'], q: '64×0.01' } as const;
    assert.equal(toQueryString(writeUrlState(sweepRunsUrlState, state, new URLSearchParams())), 'q=64%C3%970.01&sort=finalLoss&status=failed,diverged');
  });
});

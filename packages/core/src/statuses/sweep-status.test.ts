import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { deriveSweepStatus } from './derive-sweep-status';

describe('deriveSweepStatus', () => {
  it('is queued until a run starts, then running while any is queued or running', () => {
    assert.equal(deriveSweepStatus(['QUEUED', 'QUEUED']), 'QUEUED');
    assert.equal(deriveSweepStatus(['SUCCEEDED', 'QUEUED']), 'RUNNING');
    assert.equal(deriveSweepStatus(['RUNNING', 'DIVERGED']), 'RUNNING');
  });

  it('ends failed over cancelled over succeeded', () => {
    assert.equal(deriveSweepStatus(['SUCCEEDED', 'DIVERGED', 'CANCELLED']), 'FAILED');
    assert.equal(deriveSweepStatus(['SUCCEEDED', 'CANCELLED']), 'CANCELLED');
    assert.equal(deriveSweepStatus(['SUCCEEDED']), 'SUCCEEDED');
  });

  it('succeeds when runs were stopped early or pruned, as the sweep asked', () => {
    assert.equal(deriveSweepStatus(['SUCCEEDED', 'STOPPED_EARLY', 'PRUNED']), 'SUCCEEDED');
    assert.equal(deriveSweepStatus(['STOPPED_EARLY']), 'SUCCEEDED');
    assert.equal(deriveSweepStatus(['PRUNED', 'PRUNED']), 'SUCCEEDED');
  });

  it('keeps running while a run is queued beside stopped and pruned ones', () => {
    assert.equal(deriveSweepStatus(['STOPPED_EARLY', 'PRUNED', 'QUEUED']), 'RUNNING');
  });

  it('still fails or is cancelled when a stopped or pruned run sits beside a failure or a cancel', () => {
    assert.equal(deriveSweepStatus(['PRUNED', 'FAILED']), 'FAILED');
    assert.equal(deriveSweepStatus(['STOPPED_EARLY', 'CANCELLED']), 'CANCELLED');
  });
});

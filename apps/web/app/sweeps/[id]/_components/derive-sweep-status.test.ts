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
});

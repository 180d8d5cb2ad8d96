import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveSweepStatus, SWEEP_STATUSES } from './statuses';

describe('statuses in GraphQL case', () => {
  it("derives a sweep's status by core's rule from the API's run statuses", () => {
    assert.equal(deriveSweepStatus(['STOPPED_EARLY', 'PRUNED', 'QUEUED']), 'RUNNING');
    assert.equal(deriveSweepStatus(['SUCCEEDED', 'DIVERGED']), 'FAILED');
  });

  it('lists every sweep status in the order a sweep passes through them', () => {
    assert.deepEqual(SWEEP_STATUSES, ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']);
  });
});

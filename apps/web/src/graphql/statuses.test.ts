import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveSweepStatus } from './statuses';

describe('statuses in GraphQL case', () => {
  it("derives a sweep's status by core's rule from the API's run statuses", () => {
    assert.equal(deriveSweepStatus(['STOPPED_EARLY', 'PRUNED', 'QUEUED']), 'RUNNING');
    assert.equal(deriveSweepStatus(['SUCCEEDED', 'DIVERGED']), 'SUCCEEDED');
    assert.equal(deriveSweepStatus(['SUCCEEDED', 'FAILED']), 'FAILED');
  });
});

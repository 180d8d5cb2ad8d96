import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveSweepStatus, sweepStatuses } from './sweep-status.js';

describe('deriveSweepStatus', () => {
  it('is queued until a run starts, then running while any is queued or running', () => {
    assert.equal(deriveSweepStatus(['queued', 'queued']), 'queued');
    assert.equal(deriveSweepStatus(['succeeded', 'queued']), 'running');
    assert.equal(deriveSweepStatus(['running', 'diverged']), 'running');
  });

  it('ends failed over cancelled over succeeded', () => {
    assert.equal(deriveSweepStatus(['succeeded', 'failed', 'cancelled']), 'failed');
    assert.equal(deriveSweepStatus(['succeeded', 'cancelled']), 'cancelled');
    assert.equal(deriveSweepStatus(['succeeded']), 'succeeded');
  });

  it('succeeds when runs diverged: finding the learning rates too large to train is a result', () => {
    assert.equal(deriveSweepStatus(['succeeded', 'diverged', 'diverged']), 'succeeded');
    assert.equal(deriveSweepStatus(['diverged']), 'succeeded');
    assert.equal(deriveSweepStatus(['diverged', 'cancelled']), 'cancelled');
    assert.equal(deriveSweepStatus(['diverged', 'failed']), 'failed');
  });

  it('succeeds when runs were stopped early or pruned, as the sweep asked', () => {
    assert.equal(deriveSweepStatus(['succeeded', 'stopped_early', 'pruned']), 'succeeded');
    assert.equal(deriveSweepStatus(['stopped_early']), 'succeeded');
    assert.equal(deriveSweepStatus(['pruned', 'pruned']), 'succeeded');
  });

  it('keeps running while a run is queued beside stopped and pruned ones', () => {
    assert.equal(deriveSweepStatus(['stopped_early', 'pruned', 'queued']), 'running');
  });

  it('still fails or is cancelled when a stopped or pruned run sits beside a failure or a cancel', () => {
    assert.equal(deriveSweepStatus(['pruned', 'failed']), 'failed');
    assert.equal(deriveSweepStatus(['stopped_early', 'cancelled']), 'cancelled');
  });

  it('lists every sweep status in the order a sweep passes through them', () => {
    assert.deepEqual(sweepStatuses, ['queued', 'running', 'succeeded', 'failed', 'cancelled']);
  });
});

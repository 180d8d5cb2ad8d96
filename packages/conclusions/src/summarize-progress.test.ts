import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeProgress } from './summarize-progress.js';

describe('summarizeProgress', () => {
  it("counts runs by status, and the planned epochs of pending runs plus ended runs' own", () => {
    const progress = summarizeProgress(
      [
        { status: 'queued', epochsDone: 0 },
        { status: 'running', epochsDone: 2 },
        { status: 'succeeded', epochsDone: 5 },
        { status: 'diverged', epochsDone: 1 },
      ],
      5,
    );
    assert.deepEqual(progress, {
      runs: 4,
      queued: 1,
      running: 1,
      succeeded: 1,
      failed: 0,
      diverged: 1,
      cancelled: 0,
      stoppedEarly: 0,
      pruned: 0,
      epochsDone: 8,
      epochsTotal: 16,
      fraction: 0.5,
    });
  });

  it('counts runs stopped early and pruned as ended, with only the epochs they trained', () => {
    const progress = summarizeProgress(
      [
        { status: 'stopped_early', epochsDone: 4 },
        { status: 'pruned', epochsDone: 2 },
        { status: 'succeeded', epochsDone: 10 },
      ],
      10,
    );
    assert.equal(progress.stoppedEarly, 1);
    assert.equal(progress.pruned, 1);
    assert.equal(progress.succeeded, 1);
    assert.equal(progress.epochsTotal, 16);
    assert.equal(progress.fraction, 1);
  });

  it('is all zero for a sweep without runs', () => {
    assert.equal(summarizeProgress([], 5).fraction, 0);
  });
});

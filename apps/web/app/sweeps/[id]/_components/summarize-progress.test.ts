import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { summarizeProgress } from './summarize-progress';

describe('summarizeProgress', () => {
  it("counts runs by status, and the planned epochs of pending runs plus ended runs' own", () => {
    const progress = summarizeProgress(
      [
        { status: 'QUEUED', epochsDone: 0 },
        { status: 'RUNNING', epochsDone: 2 },
        { status: 'SUCCEEDED', epochsDone: 5 },
        { status: 'DIVERGED', epochsDone: 1 },
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
        { status: 'STOPPED_EARLY', epochsDone: 4 },
        { status: 'PRUNED', epochsDone: 2 },
        { status: 'SUCCEEDED', epochsDone: 10 },
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

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { collectRecentDurations, estimateEta } from './estimate-eta';

const timed = (durationMs: number | null) => ({ durationMs });

describe('estimateEta', () => {
  it('multiplies the remaining epochs by the mean duration and divides by the runs in parallel', () => {
    // 10 epochs left, 2 s each on average, two at a time: 10 s.
    assert.equal(estimateEta({ epochsDone: 5, epochsTotal: 15, running: 2, recentDurationsMs: [1_000, 3_000] }), 10_000);
  });

  it('is unknown with no run training or no timed epoch, and zero once nothing is left', () => {
    assert.equal(estimateEta({ epochsDone: 0, epochsTotal: 10, running: 0, recentDurationsMs: [1_000] }), null);
    assert.equal(estimateEta({ epochsDone: 0, epochsTotal: 10, running: 1, recentDurationsMs: [] }), null);
    assert.equal(estimateEta({ epochsDone: 10, epochsTotal: 10, running: 0, recentDurationsMs: [] }), 0);
  });
});

describe('collectRecentDurations', () => {
  it('takes the newest timed epoch of each running run', () => {
    const durations = collectRecentDurations([
      { status: 'RUNNING', latestEpoch: timed(3) },
      { status: 'RUNNING', latestEpoch: timed(5) },
      { status: 'RUNNING', latestEpoch: null },
      { status: 'SUCCEEDED', latestEpoch: timed(100) },
    ]);
    assert.deepEqual(durations, [3, 5]);
  });

  it('falls back to the ended runs when none is running, and skips imported epochs without a time', () => {
    assert.deepEqual(
      collectRecentDurations([
        { status: 'SUCCEEDED', latestEpoch: timed(4) },
        { status: 'SUCCEEDED', latestEpoch: timed(null) },
      ]),
      [4],
    );
    assert.deepEqual(collectRecentDurations([{ status: 'SUCCEEDED', latestEpoch: timed(null) }]), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { collectRecentDurations, estimateEta, formatEta } from './estimate-eta';

const timed = (...ms: (number | null)[]) => ms.map((durationMs) => ({ durationMs }));

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
  it('takes the last three timed epochs of each running run', () => {
    const durations = collectRecentDurations([
      { status: 'RUNNING', epochs: timed(9, 1, 2, 3) },
      { status: 'RUNNING', epochs: timed(5, null) },
      { status: 'SUCCEEDED', epochs: timed(100, 100, 100) },
    ]);
    assert.deepEqual(durations, [1, 2, 3, 5]);
  });

  it('falls back to the ended runs when none is running, and skips imported epochs without a time', () => {
    assert.deepEqual(collectRecentDurations([{ status: 'SUCCEEDED', epochs: timed(4, null, 6) }]), [4, 6]);
    assert.deepEqual(collectRecentDurations([{ status: 'SUCCEEDED', epochs: timed(null) }]), []);
  });
});

describe('formatEta', () => {
  it('says — when unknown and rounds to minutes, hours and days', () => {
    assert.equal(formatEta(null), '—');
    assert.equal(formatEta(20_000), 'under a minute');
    assert.equal(formatEta(12 * 60_000), 'about 12 min');
    assert.equal(formatEta((3 * 60 + 5) * 60_000), 'about 3 h 05 min');
    assert.equal(formatEta((2 * 24 + 4) * 3_600_000), 'about 2 days 4 h');
  });
});

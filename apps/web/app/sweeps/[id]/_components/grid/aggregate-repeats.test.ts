import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { aggregateRepeats } from './aggregate-repeats';
import { testProgress } from '../test-sweep.fixture';

describe('aggregateRepeats', () => {
  it('is never run for a combination without runs', () => {
    const summary = aggregateRepeats([], 'finalValAccuracy', 5);
    assert.equal(summary.state, 'never-run');
    assert.equal(summary.value, null);
    assert.equal(summary.runs, 0);
  });

  it('means the metric over the repeats that have it, counting them', () => {
    const summary = aggregateRepeats(
      [
        { status: 'SUCCEEDED', ...testProgress('a', 0.5, 0.8) },
        { status: 'SUCCEEDED', ...testProgress('b', 0.6, 0.7) },
        { status: 'QUEUED', ...testProgress('x') },
      ],
      'finalValAccuracy',
      2,
    );
    assert.ok(Math.abs((summary.value ?? 0) - 0.75) < 1e-12);
    assert.equal(summary.valueCount, 2);
    // 0.8 and 0.7: sample standard deviation √(2 × 0.05² / 1).
    assert.ok(Math.abs((summary.spread ?? 0) - Math.SQRT2 * 0.05) < 1e-12, `spread ${summary.spread}`);
    assert.equal(summary.state, 'queued');
    assert.deepEqual(summary.counts, { SUCCEEDED: 2, QUEUED: 1 });
    assert.equal(summary.epochsDone, 4);
    assert.equal(summary.epochsPlanned, 6);
  });

  it('leaves diverged and failed repeats out of the mean, and shows the worst ending', () => {
    const summary = aggregateRepeats(
      [
        { status: 'SUCCEEDED', ...testProgress('a', 0.8) },
        { status: 'DIVERGED', ...testProgress('b', 0.1) },
      ],
      'bestValAccuracy',
      1,
    );
    assert.equal(summary.value, 0.8);
    assert.equal(summary.valueCount, 1);
    assert.equal(summary.state, 'diverged');
  });

  it('leaves a pruned repeat out of the mean and shows it over succeeded ones', () => {
    const summary = aggregateRepeats(
      [
        { status: 'SUCCEEDED', ...testProgress('a', 0.6, 0.8) },
        { status: 'PRUNED', ...testProgress('b', 0.2, 0.3) },
      ],
      'finalValAccuracy',
      2,
    );
    assert.equal(summary.value, 0.8);
    assert.equal(summary.valueCount, 1);
    assert.equal(summary.state, 'pruned');
    assert.equal(summary.status, 'PRUNED');
  });

  it('counts a stopped-early repeat in the mean, as a result', () => {
    const summary = aggregateRepeats(
      [
        { status: 'SUCCEEDED', ...testProgress('a', 0.5, 0.8) },
        { status: 'STOPPED_EARLY', ...testProgress('b', 0.6) },
      ],
      'finalValAccuracy',
      2,
    );
    assert.ok(Math.abs((summary.value ?? 0) - 0.7) < 1e-12);
    assert.equal(summary.valueCount, 2);
    assert.equal(summary.state, 'stopped_early');
  });

  it('shows the worse ending of a pruned and a stopped-early repeat, and a failure over both', () => {
    const pruned = { status: 'PRUNED' as const, ...testProgress('a', 0.3) };
    const stopped = { status: 'STOPPED_EARLY' as const, ...testProgress('b', 0.7) };
    assert.equal(aggregateRepeats([stopped, pruned], 'finalValAccuracy', 3).state, 'pruned');
    assert.equal(aggregateRepeats([stopped, pruned, { status: 'FAILED', ...testProgress('c') }], 'finalValAccuracy', 3).state, 'failed');
  });

  it('shows running over queued, and the newest epoch of a running run', () => {
    const summary = aggregateRepeats(
      [
        { status: 'RUNNING', ...testProgress('a', 0.3) },
        { status: 'QUEUED', ...testProgress('x') },
      ],
      'finalValAccuracy',
      3,
    );
    assert.equal(summary.state, 'running');
    assert.equal(summary.value, 0.3);
  });

  it('has no spread with one repeat to go on', () => {
    const summary = aggregateRepeats(
      [
        { status: 'SUCCEEDED', ...testProgress('a', 0.5, 0.8) },
        { status: 'FAILED', ...testProgress('b', 0.6, 0.7) },
      ],
      'finalValAccuracy',
      2,
    );
    assert.equal(summary.valueCount, 1);
    assert.equal(summary.spread, null);
  });
});

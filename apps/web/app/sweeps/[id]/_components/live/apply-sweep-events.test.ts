import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { EpochFields, RunStatus } from '@/graphql';

import { applySweepEvents, countEpochs, readLiveGrid, type LiveEvent, type LiveGrid } from './apply-sweep-events';
import { testEpoch, testRunCell, testSweep } from '../test-sweep.fixture';

const epochEvent = (cursor: number, epoch: EpochFields): LiveEvent => ({ cursor: String(cursor), kind: 'EPOCH_ADDED', epoch, run: null });
const runEvent = (cursor: number, id: string, status: RunStatus, attempt = 1): LiveEvent => ({
  cursor: String(cursor),
  kind: 'RUN_UPDATED',
  epoch: null,
  run: {
    id,
    status,
    attempt,
    backend: 'cpu',
    error: status === 'FAILED' ? 'worker exited' : null,
    heartbeatAt: null,
    imagesPerSecond: null,
    instability: null,
  },
});

const series = (grid: LiveGrid, index: number) => grid.cells[index]?.runs[0]?.valAccuracies;

describe('readLiveGrid', () => {
  it('keeps every combination, empty ones included, with each run’s series and newest epoch', () => {
    const grid = readLiveGrid(
      testSweep({ batchSize: 8, learningRate: 0.1, runs: [testRunCell('a', 8, 0.1, [0.2, 0.4])] }, { batchSize: 8, learningRate: 1, runs: [] }),
    );
    assert.equal(grid.cells.length, 2);
    assert.deepEqual(series(grid, 0), [0.2, 0.4]);
    assert.equal(grid.cells[0]?.runs[0]?.latestEpoch?.epoch, 2);
    assert.deepEqual(grid.cells[1]?.runs, []);
  });
});

describe('countEpochs', () => {
  it('counts the epochs a series holds, not its gaps', () => {
    assert.equal(countEpochs({ valAccuracies: [0.1, null, 0.3] }), 2);
    assert.equal(countEpochs({ valAccuracies: [] }), 0);
  });
});

describe('applySweepEvents', () => {
  const grid = readLiveGrid(
    testSweep(
      { batchSize: 8, learningRate: 0.1, runs: [testRunCell('a', 8, 0.1, [0.4])] },
      { batchSize: 16, learningRate: 0.1, runs: [testRunCell('b', 16, 0.1)] },
    ),
  );

  it('extends a run with the epochs that arrive and moves its status on', () => {
    const next = applySweepEvents(grid, [runEvent(11, 'b', 'RUNNING'), epochEvent(12, testEpoch('b', 1, 0.3)), epochEvent(13, testEpoch('a', 2, 0.5))]);
    assert.equal(next.cells[1]?.runs[0]?.status, 'RUNNING');
    assert.deepEqual(series(next, 1), [0.3]);
    assert.deepEqual(series(next, 0), [0.4, 0.5]);
    assert.equal(next.cells[0]?.runs[0]?.latestEpoch?.valAccuracy, 0.5);
  });

  it('never draws an epoch twice: one heard again, or one the read already had, replaces it', () => {
    const next = applySweepEvents(grid, [epochEvent(11, testEpoch('a', 1, 0.45)), epochEvent(12, testEpoch('a', 2)), epochEvent(12, testEpoch('a', 2))]);
    assert.deepEqual(series(next, 0), [0.45, 0.5]);
  });

  it('keeps the newest epoch as the final one when an earlier epoch is stored again', () => {
    const next = applySweepEvents(grid, [epochEvent(11, testEpoch('a', 2, 0.6)), epochEvent(12, testEpoch('a', 1, 0.3))]);
    assert.equal(next.cells[0]?.runs[0]?.latestEpoch?.epoch, 2);
    assert.deepEqual(series(next, 0), [0.3, 0.6]);
  });

  it('leaves a gap for an epoch not heard of, rather than moving the later ones', () => {
    const next = applySweepEvents(grid, [epochEvent(11, testEpoch('b', 3, 0.7))]);
    assert.deepEqual(series(next, 1), [null, null, 0.7]);
  });

  it("starts a retried run's line again, and ignores late epochs of the earlier attempt", () => {
    const next = applySweepEvents(grid, [runEvent(11, 'a', 'QUEUED', 2), epochEvent(12, testEpoch('a', 2, 0.9, 1)), epochEvent(13, testEpoch('a', 1, 0.2, 2))]);
    const retried = next.cells[0]?.runs[0];
    assert.equal(retried?.attempt, 2);
    assert.deepEqual(retried?.valAccuracies, [0.2]);
    assert.equal(retried?.latestEpoch?.attempt, 2);
  });

  it('follows an epoch of an attempt it has not heard started', () => {
    const next = applySweepEvents(grid, [epochEvent(11, testEpoch('a', 1, 0.25, 3))]);
    assert.equal(next.cells[0]?.runs[0]?.attempt, 3);
    assert.deepEqual(series(next, 0), [0.25]);
  });

  it('takes a failed run’s error and skips events of runs the grid does not hold', () => {
    const next = applySweepEvents(grid, [runEvent(11, 'b', 'FAILED'), runEvent(12, 'zz', 'RUNNING'), epochEvent(13, testEpoch('zz', 1))]);
    assert.equal(next.cells[1]?.runs[0]?.error, 'worker exited');
    assert.equal(next.cells.flatMap((c) => c.runs).length, 2);
  });

  it('leaves the grid it was given alone, and shares the cells no event touched', () => {
    const next = applySweepEvents(grid, [epochEvent(11, testEpoch('a', 2))]);
    assert.deepEqual(series(grid, 0), [0.4]);
    assert.equal(grid.cells[1]?.runs[0]?.status, 'QUEUED');
    assert.notEqual(next.cells[0], grid.cells[0]);
    assert.equal(next.cells[1], grid.cells[1]);
  });
});

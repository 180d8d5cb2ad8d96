import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { EpochFieldsFragment, maskFragments, RunCellFragment, type EpochFields, type RunCell, type RunStatus, type SweepDetail } from '@/graphql';

import { applySweepEvents, readLiveGrid, type LiveEvent } from './apply-sweep-events';
import { testEpoch } from './test-epoch.fixture';

function run(id: string, batchSize: number, learningRate: number, epochs: EpochFields[] = [], attempt = 1): RunCell {
  return {
    id,
    sweepId: 's1',
    batchSize,
    learningRate,
    repeat: 1,
    status: epochs.length > 0 ? 'RUNNING' : 'QUEUED',
    attempt,
    backend: null,
    error: null,
    heartbeatAt: null,
    imagesPerSecond: null,
    epochsDone: epochs.length,
    epochs: [...maskFragments([EpochFieldsFragment], epochs)],
  };
}

function sweep(...cells: { batchSize: number; learningRate: number; runs: RunCell[] }[]): SweepDetail {
  return {
    id: 's1',
    name: 'test',
    dataset: 'synthetic',
    preset: 'smoke',
    alpha: 0.35,
    inputSize: 32,
    batchNormMomentum: 0.9,
    epochs: 3,
    seed: 1,
    repeats: 1,
    builtIn: null,
    readOnly: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    status: 'RUNNING',
    grid: {
      batchSizes: [...new Set(cells.map((c) => c.batchSize))],
      learningRates: [...new Set(cells.map((c) => c.learningRate))],
      cells: cells.map((c) => ({ ...c, runs: [...maskFragments([RunCellFragment], c.runs)] })),
    },
    eventCursor: '10',
  };
}

const epochEvent = (cursor: number, epoch: EpochFields): LiveEvent => ({ cursor: String(cursor), kind: 'EPOCH_ADDED', epoch, run: null });
const runEvent = (cursor: number, id: string, status: RunStatus, attempt = 1): LiveEvent => ({
  cursor: String(cursor),
  kind: 'RUN_UPDATED',
  epoch: null,
  run: { id, status, attempt, backend: 'cpu', error: status === 'FAILED' ? 'worker exited' : null, heartbeatAt: null, imagesPerSecond: null },
});

describe('readLiveGrid', () => {
  it('keeps every combination, empty ones included, with each run’s epochs in order', () => {
    const grid = readLiveGrid(
      sweep(
        { batchSize: 8, learningRate: 0.1, runs: [run('a', 8, 0.1, [testEpoch('a', 2), testEpoch('a', 1)])] },
        { batchSize: 8, learningRate: 1, runs: [] },
      ),
    );
    assert.equal(grid.cells.length, 2);
    assert.deepEqual(
      grid.cells[0]?.runs[0]?.epochs.map((e) => e.epoch),
      [1, 2],
    );
    assert.deepEqual(grid.cells[1]?.runs, []);
  });
});

describe('applySweepEvents', () => {
  const grid = readLiveGrid(
    sweep(
      { batchSize: 8, learningRate: 0.1, runs: [run('a', 8, 0.1, [testEpoch('a', 1, 0.4)])] },
      { batchSize: 16, learningRate: 0.1, runs: [run('b', 16, 0.1)] },
    ),
  );

  it('extends a run with the epochs that arrive and moves its status on', () => {
    const next = applySweepEvents(grid, [runEvent(11, 'b', 'RUNNING'), epochEvent(12, testEpoch('b', 1, 0.3)), epochEvent(13, testEpoch('a', 2, 0.5))]);
    assert.equal(next.cells[1]?.runs[0]?.status, 'RUNNING');
    assert.deepEqual(next.cells[1]?.runs[0]?.epochs.map((e) => e.valAccuracy), [0.3]);
    assert.deepEqual(next.cells[0]?.runs[0]?.epochs.map((e) => e.epoch), [1, 2]);
  });

  it('never draws an epoch twice: one heard again, or one the read already had, replaces it', () => {
    const next = applySweepEvents(grid, [epochEvent(11, testEpoch('a', 1, 0.45)), epochEvent(12, testEpoch('a', 2)), epochEvent(12, testEpoch('a', 2))]);
    const epochs = next.cells[0]?.runs[0]?.epochs ?? [];
    assert.deepEqual(epochs.map((e) => e.epoch), [1, 2]);
    assert.equal(epochs[0]?.valAccuracy, 0.45);
  });

  it("starts a retried run's line again, and ignores late epochs of the earlier attempt", () => {
    const next = applySweepEvents(grid, [runEvent(11, 'a', 'QUEUED', 2), epochEvent(12, testEpoch('a', 2, 0.9, 1)), epochEvent(13, testEpoch('a', 1, 0.2, 2))]);
    const retried = next.cells[0]?.runs[0];
    assert.equal(retried?.attempt, 2);
    assert.deepEqual(retried?.epochs.map((e) => [e.attempt, e.epoch]), [[2, 1]]);
  });

  it('takes a failed run’s error and skips events of runs the grid does not hold', () => {
    const next = applySweepEvents(grid, [runEvent(11, 'b', 'FAILED'), runEvent(12, 'zz', 'RUNNING'), epochEvent(13, testEpoch('zz', 1))]);
    assert.equal(next.cells[1]?.runs[0]?.error, 'worker exited');
    assert.equal(next.cells.flatMap((c) => c.runs).length, 2);
  });

  it('leaves the grid it was given alone', () => {
    applySweepEvents(grid, [epochEvent(11, testEpoch('a', 2)), runEvent(12, 'b', 'RUNNING')]);
    assert.equal(grid.cells[0]?.runs[0]?.epochs.length, 1);
    assert.equal(grid.cells[1]?.runs[0]?.status, 'QUEUED');
  });
});

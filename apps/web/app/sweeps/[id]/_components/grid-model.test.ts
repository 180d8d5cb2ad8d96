import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { RunCell, SweepDetail } from '@/graphql';

import { buildGridModel, pickSelectedRun } from './grid-model';

function run(id: string, batchSize: number, learningRate: number, epochsDone = 0): RunCell {
  return {
    id,
    sweepId: 's1',
    batchSize,
    learningRate,
    status: epochsDone > 0 ? 'RUNNING' : 'QUEUED',
    backend: null,
    error: null,
    epochsDone,
    latestEpoch: null,
  };
}

function sweep(runs: RunCell[], batchSizes: number[], learningRates: number[]): SweepDetail {
  return {
    id: 's1',
    name: 'test',
    dataset: 'synthetic',
    alpha: 0.35,
    inputSize: 32,
    batchNormMomentum: 0.9,
    epochs: 2,
    seed: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    status: 'RUNNING',
    batchSizes,
    learningRates,
    runs,
    eventCursor: null,
  };
}

describe('buildGridModel', () => {
  it('places each run at its batch size and learning rate, leaving other cells empty', () => {
    const grid = buildGridModel(sweep([run('a', 32, 0.1), run('b', 128, 0.001)], [32, 128], [0.001, 0.1]));
    assert.equal(grid.runAt(32, 0.1)?.id, 'a');
    assert.equal(grid.runAt(128, 0.001)?.id, 'b');
    assert.equal(grid.runAt(32, 0.001), undefined);
  });

  it('sorts both axes ascending and adds values only the runs mention', () => {
    const grid = buildGridModel(sweep([run('a', 256, 0.5)], [64, 32], [0.1]));
    assert.deepEqual(grid.batchSizes, [32, 64, 256]);
    assert.deepEqual(grid.learningRates, [0.1, 0.5]);
  });
});

describe('pickSelectedRun', () => {
  const grid = buildGridModel(
    sweep([run('late', 128, 0.1, 1), run('first', 32, 0.1, 0), run('early', 32, 0.5, 2)], [32, 128], [0.1, 0.5]),
  );

  it('defaults to the first run in grid order that has finished an epoch', () => {
    assert.equal(pickSelectedRun(grid, null)?.id, 'early');
  });

  it('keeps an explicit selection, even of a run without epochs', () => {
    assert.equal(pickSelectedRun(grid, 'first')?.id, 'first');
  });

  it('falls back to the default when the selected run is gone', () => {
    assert.equal(pickSelectedRun(grid, 'missing')?.id, 'early');
  });
});

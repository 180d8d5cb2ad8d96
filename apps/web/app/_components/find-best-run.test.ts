import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { RunBest, RunStatus } from '@/graphql';

import { findBestRun } from './find-best-run';

function run(
  id: string,
  batchSize: number,
  learningRate: number,
  best: { epoch: number; valAccuracy: number } | null,
  repeat = 1,
  status: RunStatus = 'SUCCEEDED',
): RunBest {
  return { id, batchSize, learningRate, repeat, status, instability: null, bestEpoch: best };
}

describe('findBestRun', () => {
  it('picks the run with the highest best validation accuracy, with its cell and epoch', () => {
    const best = findBestRun([run('a', 32, 0.1, { epoch: 4, valAccuracy: 0.71 }), run('b', 128, 0.001, { epoch: 9, valAccuracy: 0.83 })]);
    assert.deepEqual(best, { runId: 'b', batchSize: 128, learningRate: 0.001, repeat: 1, epoch: 9, valAccuracy: 0.83 });
  });

  it('keeps the first of equal bests', () => {
    const best = findBestRun([run('a', 32, 0.1, { epoch: 2, valAccuracy: 0.5 }, 1), run('b', 32, 0.1, { epoch: 1, valAccuracy: 0.5 }, 2)]);
    assert.equal(best?.runId, 'a');
  });

  it('skips runs without an epoch and bests that are not finite', () => {
    const best = findBestRun([
      run('a', 8, 1, null),
      run('b', 8, 0.1, { epoch: 1, valAccuracy: Number.NaN }),
      run('c', 16, 0.01, { epoch: 1, valAccuracy: 0.1 }),
    ]);
    assert.equal(best?.runId, 'c');
  });

  it('skips a pruned run however high its best, and counts a run stopped early', () => {
    const best = findBestRun([
      run('a', 8, 0.1, { epoch: 2, valAccuracy: 0.9 }, 1, 'PRUNED'),
      run('b', 8, 0.01, { epoch: 3, valAccuracy: 0.7 }, 1, 'STOPPED_EARLY'),
      run('c', 16, 0.01, { epoch: 5, valAccuracy: 0.6 }),
    ]);
    assert.equal(best?.runId, 'b');
    assert.equal(findBestRun([run('a', 8, 0.1, { epoch: 2, valAccuracy: 0.9 }, 1, 'PRUNED')]), null);
  });

  it('skips a run the API calls unstable, as the conclusions never rank one (the best 31.3 % at lr 10 of an exploded run)', () => {
    const exploded = { ...run('a', 32, 10, { epoch: 2, valAccuracy: 0.313 }), instability: { kind: 'LOSS_EXPLODED' as const } };
    assert.equal(findBestRun([exploded, run('b', 32, 0.1, { epoch: 3, valAccuracy: 0.25 })])?.runId, 'b');
  });

  it('is null while no run has finished an epoch', () => {
    assert.equal(findBestRun([run('a', 8, 0.1, null)]), null);
    assert.equal(findBestRun([]), null);
  });
});

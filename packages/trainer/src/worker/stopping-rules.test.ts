import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeStoppingRules } from './stopping-rules.js';

const point = (epoch: number, valLoss: number, valAccuracy: number) => ({ epoch, valLoss, valAccuracy });
const noBaseline = async (): Promise<number[]> => assert.fail('no baseline without a pruner');

describe('makeStoppingRules', () => {
  it('goes on from a resumed run’s stored history, and asks for its batch size’s baseline only after the warm-up', async () => {
    const asked: number[] = [];
    const rules = makeStoppingRules({
      settings: { earlyStopPatience: 2, pruner: 'median', pruneWarmupEpochs: 2 },
      history: [point(1, 1.0, 0.3), point(2, 0.8, 0.4)],
      batchSize: 64,
      epochs: 10,
      readBaseline: async (epoch) => {
        asked.push(epoch);
        return [0.5, 0.5, 0.5];
      },
    });
    assert.equal(await rules.judgeStored(), null);
    // Epoch 3 is past the warm-up and its best, 40 %, is below the median 50 %.
    assert.deepEqual(await rules.judgeEpoch(point(3, 0.7, 0.35)), {
      status: 'pruned',
      reason: 'Pruned after epoch 3: its best validation accuracy so far, 40.0%, is below the median 50.0% of 3 completed runs of batch size 64 at epoch 3.',
    });
    assert.deepEqual(asked, [3]);
  });

  it('ends a resumed run at once when its stored epochs already called for it', async () => {
    // Killed after storing epoch 3, which was its second without improvement, before acting on it.
    const stored = [point(1, 0.5, 0.6), point(2, 0.6, 0.6), point(3, 0.7, 0.6)];
    const rules = makeStoppingRules({
      settings: { earlyStopPatience: 2, pruner: null, pruneWarmupEpochs: 0 },
      history: stored,
      batchSize: 8,
      epochs: 10,
      readBaseline: noBaseline,
    });
    assert.equal((await rules.judgeStored())?.status, 'stopped_early');
    const fresh = makeStoppingRules({
      settings: { earlyStopPatience: 2, pruner: null, pruneWarmupEpochs: 0 },
      history: [],
      batchSize: 8,
      epochs: 10,
      readBaseline: noBaseline,
    });
    assert.equal(await fresh.judgeStored(), null);
    // Killed after storing its last epoch: it trained them all, and ends as succeeded would.
    const done = makeStoppingRules({
      settings: { earlyStopPatience: 2, pruner: null, pruneWarmupEpochs: 0 },
      history: stored,
      batchSize: 8,
      epochs: 3,
      readBaseline: noBaseline,
    });
    assert.equal(await done.judgeStored(), null);
  });

  it('stops early before it prunes, and does neither when the sweep asks for neither', async () => {
    const both = makeStoppingRules({
      settings: { earlyStopPatience: 1, pruner: 'median', pruneWarmupEpochs: 0 },
      history: [point(1, 0.5, 0.2)],
      batchSize: 8,
      epochs: 10,
      readBaseline: async () => [0.9, 0.9, 0.9],
    });
    assert.equal((await both.judgeEpoch(point(2, 0.6, 0.2)))?.status, 'stopped_early');
    const neither = makeStoppingRules({
      settings: { earlyStopPatience: null, pruner: null, pruneWarmupEpochs: 0 },
      history: [],
      batchSize: 8,
      epochs: 10,
      readBaseline: noBaseline,
    });
    assert.equal(await neither.judgeEpoch(point(1, 9, 0)), null);
    assert.equal(await neither.judgeEpoch(point(2, 10, 0)), null);
  });
});

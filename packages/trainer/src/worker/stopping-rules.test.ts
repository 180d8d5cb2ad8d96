import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeStoppingRules } from './stopping-rules.js';

const point = (epoch: number, valLoss: number, valAccuracy: number) => ({ epoch, valLoss, valAccuracy });

describe('makeStoppingRules', () => {
  it('goes on from a resumed run’s stored history, and asks for the baseline only after the warm-up', async () => {
    const asked: number[] = [];
    const check = makeStoppingRules({
      settings: { earlyStopPatience: 2, pruner: 'median', pruneWarmupEpochs: 2 },
      history: [point(1, 1.0, 0.3), point(2, 0.8, 0.4)],
      readBaseline: async (epoch) => {
        asked.push(epoch);
        return [0.5, 0.5, 0.5];
      },
    });
    // Epoch 3 is past the warm-up and its best, 40 %, is below the median 50 %.
    assert.deepEqual(await check(point(3, 0.7, 0.35)), {
      status: 'pruned',
      reason: 'Pruned after epoch 3: its best validation accuracy so far, 40.0%, is below the median 50.0% of 3 completed runs at epoch 3.',
    });
    assert.deepEqual(asked, [3]);
  });

  it('stops early before it prunes, and does neither when the sweep asks for neither', async () => {
    const both = makeStoppingRules({ settings: { earlyStopPatience: 1, pruner: 'median', pruneWarmupEpochs: 0 }, history: [point(1, 0.5, 0.2)], readBaseline: async () => [0.9, 0.9, 0.9] });
    assert.equal((await both(point(2, 0.6, 0.2)))?.status, 'stopped_early');
    const neither = makeStoppingRules({ settings: { earlyStopPatience: null, pruner: null, pruneWarmupEpochs: 0 }, history: [], readBaseline: async () => assert.fail('no baseline without a pruner') });
    assert.equal(await neither(point(1, 9, 0)), null);
    assert.equal(await neither(point(2, 10, 0)), null);
  });
});

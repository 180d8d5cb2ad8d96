import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEarlyStop } from './find-early-stop.js';

const history = (valLosses: number[]) => valLosses.map((valLoss, i) => ({ epoch: i + 1, valLoss, valAccuracy: 0.5 }));

describe('findEarlyStop', () => {
  it('stops once the validation loss has gone patience epochs without a new low, keeping the best epoch', () => {
    // Keras' EarlyStopping(patience=2): the low is epoch 2; epochs 3 and 4 do not beat it.
    assert.equal(findEarlyStop(history([1.0, 0.8, 0.9]), 2), null);
    const stop = findEarlyStop(history([1.0, 0.8, 0.9, 0.85]), 2);
    assert.equal(stop?.bestEpoch, 2);
    assert.equal(
      stop?.reason,
      "Stopped early after epoch 4: the validation loss has not improved for 2 epochs (patience 2) since its lowest, 0.8000 at epoch 2, which is kept as the run's result.",
    );
  });

  it('counts only a strictly lower loss as an improvement, as min_delta 0 does', () => {
    assert.equal(findEarlyStop(history([1.0, 0.8, 0.8]), 1)?.bestEpoch, 2);
    assert.equal(findEarlyStop(history([1.0, 0.8, 0.79]), 1), null);
  });

  it('reads a resumed run’s history the same as one that never stopped', () => {
    const resumed = history([1.0, 0.8, 0.9, 0.95]).slice(1);
    assert.equal(findEarlyStop(resumed, 2)?.bestEpoch, 2);
  });
});

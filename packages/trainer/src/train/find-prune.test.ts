import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPrune, pruneMinRuns } from './find-prune.js';

const history = (valAccuracies: number[]) => valAccuracies.map((valAccuracy, i) => ({ epoch: i + 1, valLoss: 1, valAccuracy }));

describe('findPrune', () => {
  it('prunes a run whose best so far is below the median of the completed runs of its batch size at that epoch', () => {
    // Median of 0.5, 0.6, 0.7 is 0.6; the run's best so far is 0.55.
    assert.equal(
      findPrune(history([0.4, 0.55, 0.5]), [0.7, 0.5, 0.6], 2, 128),
      'Pruned after epoch 3: its best validation accuracy so far, 55.0%, is below the median 60.0% of 3 completed runs of batch size 128 at epoch 3.',
    );
  });

  it('keeps a run at or above the median, and takes the mean of the middle two of an even count', () => {
    assert.equal(findPrune(history([0.4, 0.6, 0.5]), [0.5, 0.6, 0.7], 2, 32), null);
    assert.match(findPrune(history([0.4, 0.5, 0.54]), [0.5, 0.55, 0.6, 0.7], 2, 32) ?? '', /below the median 57\.5% of 4 completed runs/);
  });

  it('never prunes during the warm-up or with fewer completed runs than the minimum', () => {
    assert.equal(findPrune(history([0.1, 0.1]), [0.9, 0.9, 0.9], 2, 32), null);
    assert.equal(pruneMinRuns, 3);
    assert.equal(findPrune(history([0.1, 0.1, 0.1]), [0.9, 0.9], 2, 32), null);
  });
});

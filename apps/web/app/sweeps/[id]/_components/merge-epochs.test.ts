import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { EpochFields } from '@/graphql';

import { mergeEpochs } from './merge-epochs';

function epoch(runId: string, n: number, loss = 1 / n): EpochFields {
  return {
    id: `${runId}-${n}`,
    runId,
    sweepId: 's1',
    epoch: n,
    loss,
    accuracy: 0.5,
    valLoss: loss,
    valAccuracy: 0.5,
    durationMs: 10,
    imagesPerSecond: 100,
  };
}

describe('mergeEpochs', () => {
  it('appends live epochs of the run after the stored ones, in epoch order', () => {
    const merged = mergeEpochs('r1', [epoch('r1', 1), epoch('r1', 2)], [epoch('r1', 4), epoch('r1', 3)]);
    assert.deepEqual(
      merged.map((e) => e.epoch),
      [1, 2, 3, 4],
    );
  });

  it('ignores live epochs of other runs', () => {
    const merged = mergeEpochs('r1', [epoch('r1', 1)], [epoch('r2', 2)]);
    assert.deepEqual(
      merged.map((e) => e.id),
      ['r1-1'],
    );
  });

  it('keeps one entry per epoch number, preferring the live one', () => {
    const merged = mergeEpochs('r1', [epoch('r1', 1, 0.9)], [epoch('r1', 1, 0.7)]);
    assert.equal(merged.length, 1);
    assert.equal(merged[0]?.loss, 0.7);
  });
});

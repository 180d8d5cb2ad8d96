import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { mergeRunEpochs, upsertEpoch } from './merge-run-epochs';

const e = (attempt: number, epoch: number, loss = 1) => ({ attempt, epoch, loss });

describe('upsertEpoch', () => {
  it('appends a new epoch and replaces one it already holds, keyed by attempt and epoch', () => {
    let received = upsertEpoch([], e(1, 1));
    received = upsertEpoch(received, e(1, 2));
    received = upsertEpoch(received, e(1, 1, 0.5));
    received = upsertEpoch(received, e(2, 1));
    assert.deepEqual(received, [e(1, 1, 0.5), e(1, 2), e(2, 1)]);
  });
});

describe('mergeRunEpochs', () => {
  it('appends live epochs to the stored ones without duplicates, in epoch order', () => {
    const merged = mergeRunEpochs(1, [e(1, 1), e(1, 2)], [e(1, 3), e(1, 2, 0.25)]);
    assert.deepEqual(merged, { attempt: 1, epochs: [e(1, 1), e(1, 2, 0.25), e(1, 3)] });
  });

  it("leaves out earlier attempts' epochs that a replay of the run's history brings", () => {
    const merged = mergeRunEpochs(2, [e(2, 1)], [e(1, 1), e(1, 2), e(1, 3), e(2, 1), e(2, 2)]);
    assert.deepEqual(merged, { attempt: 2, epochs: [e(2, 1), e(2, 2)] });
  });

  it('moves on to a newer attempt that arrives live, dropping the older curves', () => {
    const merged = mergeRunEpochs(1, [e(1, 1), e(1, 2)], [e(2, 1)]);
    assert.deepEqual(merged, { attempt: 2, epochs: [e(2, 1)] });
  });

  it('draws what arrived live while the query is still loading', () => {
    assert.deepEqual(mergeRunEpochs(undefined, [], [e(1, 1)]), { attempt: 1, epochs: [e(1, 1)] });
    assert.deepEqual(mergeRunEpochs(undefined, [], []), { attempt: undefined, epochs: [] });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeXAxis, trainingSetSizeOf, xValuesOf } from './curve-x-axis';

const epochs = [
  { epoch: 1, durationMs: 1500 },
  { epoch: 2, durationMs: 2500 },
  { epoch: 3, durationMs: 1000 },
];

describe('trainingSetSizeOf', () => {
  it("takes the sweep's train limit when it sets one", () => {
    assert.deepEqual(trainingSetSizeOf({ dataset: 'images', trainLimit: 500 }), { images: 500, basis: 'train-limit' });
    assert.deepEqual(trainingSetSizeOf({ dataset: 'synthetic', trainLimit: 32 }), { images: 32, basis: 'train-limit' });
  });

  it('caps a limit at the size of a data set it knows', () => {
    assert.deepEqual(trainingSetSizeOf({ dataset: 'fashion-mnist', trainLimit: 100_000 }), { images: 60_000, basis: 'train-limit' });
  });

  it('takes the whole data set without a limit when its size is known, and nothing otherwise', () => {
    assert.deepEqual(trainingSetSizeOf({ dataset: 'fashion-mnist', trainLimit: null }), { images: 60_000, basis: 'full-data-set' });
    assert.equal(trainingSetSizeOf({ dataset: 'images', trainLimit: null }), null);
    assert.equal(trainingSetSizeOf({ dataset: 'tf_flowers', trainLimit: null }), null);
  });
});

describe('xValuesOf', () => {
  const run = { batchSize: 16, trainingSet: { images: 40, basis: 'train-limit' as const } };

  it('draws against the epoch number', () => {
    assert.deepEqual(xValuesOf('epoch', epochs, run), { ok: true, x: [1, 2, 3] });
  });

  it('counts optimizer steps with the last, partial batch: epoch × ⌈images ÷ batch size⌉', () => {
    // ⌈40 / 16⌉ = 3 steps an epoch.
    assert.deepEqual(xValuesOf('steps', epochs, run), { ok: true, x: [3, 6, 9] });
  });

  it('counts images seen as epoch × training images', () => {
    assert.deepEqual(xValuesOf('images', epochs, run), { ok: true, x: [40, 80, 120] });
  });

  it('adds up the epochs’ durations, in seconds, for training time', () => {
    assert.deepEqual(xValuesOf('time', epochs, run), { ok: true, x: [1.5, 4, 5] });
  });

  it('gives a reason instead of numbers when the axis needs what the run lacks', () => {
    assert.deepEqual(xValuesOf('steps', epochs, { batchSize: 16, trainingSet: null }), {
      ok: false,
      reason: 'its sweep sets no train limit and the size of its data set is unknown here',
    });
    assert.deepEqual(xValuesOf('images', epochs, { batchSize: 16, trainingSet: undefined }), { ok: false, reason: 'its sweep is still loading' });
    assert.equal(xValuesOf('time', [{ epoch: 1, durationMs: null }], run).ok, false);
    assert.match((xValuesOf('time', [{ epoch: 50, durationMs: 10 }], run) as { reason: string }).reason, /do not run 1, 2, 3/);
  });
});

describe('describeXAxis', () => {
  it('says when steps and images rest on a train limit', () => {
    assert.equal(describeXAxis('steps', ['train-limit', 'full-data-set']), 'optimizer steps (training images per the train limit)');
    assert.equal(describeXAxis('images', ['full-data-set']), 'images seen');
    assert.equal(describeXAxis('epoch'), 'epoch');
    assert.match(describeXAxis('time'), /sum of epoch durations/);
  });
});

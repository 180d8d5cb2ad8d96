import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { parseKerasHistory } from './parse-keras-history.js';

const cell = { batchSize: 32, learningRate: 0.1, source: 'history.json' };

/** The refusal parseKerasHistory throws; fails the test when it throws none. */
function refusal(history: unknown): string {
  try {
    parseKerasHistory(typeof history === 'string' ? history : JSON.stringify(history), cell);
  } catch (error) {
    assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
    assert.equal(error.code, ErrorCode.BadUserInput);
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(history)} to be refused`);
}

describe('parseKerasHistory', () => {
  it('reads History.history as one run at the given cell, list index i as epoch i + 1, without timings', () => {
    const history = { loss: [1.2, 0.8], accuracy: [0.5, 0.7], val_loss: [1.3, 1.0], val_accuracy: [0.4, 0.6], learning_rate: [0.1, 0.1] };
    const run = { batchSize: 32, learningRate: 0.1, repeat: 2 };
    assert.deepEqual(parseKerasHistory(JSON.stringify(history), { ...cell, repeat: 2 }), [
      {
        row: { ...run, epoch: 1, loss: 1.2, accuracy: 0.5, valLoss: 1.3, valAccuracy: 0.4, durationMs: null, imagesPerSecond: null, noiseScale: null },
        status: 'succeeded',
        tags: '',
        notes: '',
        place: 1,
      },
      {
        row: { ...run, epoch: 2, loss: 0.8, accuracy: 0.7, valLoss: 1.0, valAccuracy: 0.6, durationMs: null, imagesPerSecond: null, noiseScale: null },
        status: 'succeeded',
        tags: '',
        notes: '',
        place: 2,
      },
    ]);
  });

  it('accepts the sparse_categorical_accuracy names the reference study’s metric gives', () => {
    const history = { loss: [0.0032], sparse_categorical_accuracy: [1], val_loss: [2.363], val_sparse_categorical_accuracy: [0.45] };
    assert.deepEqual(
      parseKerasHistory(JSON.stringify(history), cell).map(({ row: { accuracy, valAccuracy } }) => [accuracy, valAccuracy]),
      [[1, 0.45]],
    );
  });

  it('refuses a missing list, naming the keys it accepts and those the file has', () => {
    assert.equal(
      refusal({ loss: [1], val_loss: [1], val_accuracy: [0.5] }),
      'history.json has no accuracy or sparse_categorical_accuracy list: expected an object of per-epoch lists such as ' +
        '{"loss": [...], "accuracy": [...], "val_loss": [...], "val_accuracy": [...]}, as Keras keeps in History.history; it has loss, val_loss, val_accuracy.',
    );
  });

  it('refuses lists of different lengths, an empty history and a list that is not a list', () => {
    assert.equal(
      refusal({ loss: [1, 1], accuracy: [0.5, 0.5], val_loss: [1], val_accuracy: [0.5, 0.5] }),
      'history.json: val_loss has 1 values and loss 2: expected one value per epoch in every list.',
    );
    assert.equal(refusal({ loss: [], accuracy: [], val_loss: [], val_accuracy: [] }), 'history.json: loss is empty: expected one value per epoch.');
    assert.equal(refusal({ loss: 1, accuracy: [], val_loss: [], val_accuracy: [] }), 'history.json: loss is 1: expected a list of one number per epoch.');
    assert.match(refusal([{ loss: 1 }]), /^history\.json is an array \(a table of epoch rows is format json\): expected an object/);
  });

  it('refuses NaN, null and out-of-range values, naming the list and the epoch', () => {
    assert.match(
      refusal('{"loss": [1, NaN], "accuracy": [0.5, 0.5], "val_loss": [1, 1], "val_accuracy": [0.5, 0.5]}'),
      /^history\.json line 1: a value is NaN: expected finite numbers/,
    );
    assert.equal(
      refusal({ loss: [1, null], accuracy: [0.5, 0.5], val_loss: [1, 1], val_accuracy: [0.5, 0.5] }),
      'history.json epoch 2: loss is null: expected a finite number of at least 0.',
    );
    assert.equal(
      refusal({ loss: [1], sparse_categorical_accuracy: [1.5], val_loss: [1], val_accuracy: [0.5] }),
      'history.json epoch 1: sparse_categorical_accuracy is 1.5: expected a fraction from 0 to 1.',
    );
  });
});

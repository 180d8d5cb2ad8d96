import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '../errors/index.js';
import { parseResults, type ResultsInput } from './parse-results.js';

const history = JSON.stringify({ loss: [1], accuracy: [0.5], val_loss: [1], val_accuracy: [0.5] });
const flag = (field: string): string => `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** The refusal parseResults throws, with the terminal's flag names; fails the test when it throws none. */
function refusal(input: ResultsInput): SweepscopeError {
  try {
    parseResults(input, { fieldName: flag });
  } catch (error) {
    assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
    assert.equal(error.code, ErrorCode.BadUserInput);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(input)} to be refused`);
}

describe('parseResults', () => {
  it('reads a Keras history at the batch size, learning rate and repeat given with it', () => {
    const [run] = parseResults({ format: 'keras-history', content: history, batchSize: 64, learningRate: 0.01, repeat: 3 });
    assert.deepEqual([run?.batchSize, run?.learningRate, run?.repeat, run?.epochs.length], [64, 0.01, 3, 1]);
  });

  it('refuses a Keras history without its batch size or learning rate, naming the field as the caller knows it', () => {
    const missing = refusal({ format: 'keras-history', content: history, learningRate: 0.1 });
    assert.equal(missing.message, '--batch-size is missing: expected the batch size the run trained with, which a Keras history does not record.');
    assert.deepEqual(missing.field, ['--batch-size']);
    assert.equal(
      refusal({ format: 'keras-history', content: history, batchSize: 8 }).message,
      '--learning-rate is missing: expected the learning rate the run trained with, which a Keras history does not record.',
    );
    assert.equal(
      refusal({ format: 'keras-history', content: history, batchSize: 0, learningRate: 0.1 }).message,
      '--batch-size is 0: expected a whole number from 1 to 10000000.',
    );
  });

  it('refuses a batch size given with a table, which names its own, and an unknown format', () => {
    assert.equal(
      refusal({ format: 'csv', content: 'x', batchSize: 8 }).message,
      "--batch-size is given with format csv: expected it only with keras-history, as a table names each row's batch_size.",
    );
    assert.equal(refusal({ format: 'xml' as 'csv', content: 'x' }).message, '--format is "xml": expected one of csv, json, keras-history.');
  });
});

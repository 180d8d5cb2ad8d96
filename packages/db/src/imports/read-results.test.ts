import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { LocatedEpochRow } from './epoch-row.js';
import { readResults, type ResultsInput } from './read-results.js';

const history = JSON.stringify({ loss: [1], accuracy: [0.5], val_loss: [1], val_accuracy: [0.5] });
const flag = (field: string): string => `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** Every row readResults reads. */
async function readAll(input: ResultsInput): Promise<LocatedEpochRow[]> {
  const rows: LocatedEpochRow[] = [];
  for await (const batch of readResults(input, { fieldName: flag })) rows.push(...batch);
  return rows;
}

/** The refusal readResults throws, with the terminal's flag names; fails the test when it throws none. */
async function refusal(input: ResultsInput): Promise<SweepscopeError> {
  try {
    await readAll(input);
  } catch (error) {
    assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
    assert.equal(error.code, ErrorCode.BadUserInput);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(input)} to be refused`);
}

describe('readResults', () => {
  it('reads a Keras history at the batch size, learning rate and repeat given with it', async () => {
    const rows = await readAll({ format: 'keras-history', content: history, batchSize: 64, learningRate: 0.01, repeat: 3 });
    assert.deepEqual(
      rows.map(({ row }) => [row.batchSize, row.learningRate, row.repeat, row.epoch]),
      [[64, 0.01, 3, 1]],
    );
  });

  it('reads a stream of UTF-8 bytes split anywhere, a character across two pieces included, as it reads the text', async () => {
    const csv = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy,note\n32,0.1,1,1,0.5,1,0.5,café ☕\n32,0.1,2,1,0.5,1,0.5,\n';
    const bytes = new TextEncoder().encode(csv);
    async function* pieces(size: number): AsyncGenerator<Uint8Array> {
      for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
    }
    const whole = await readAll({ format: 'csv', content: csv });
    assert.equal(whole.length, 2);
    for (const size of [1, 2, 5]) assert.deepEqual(await readAll({ format: 'csv', content: pieces(size) }), whole);
  });

  it('refuses a Keras history without its batch size or learning rate, naming the field as the caller knows it', async () => {
    const missing = await refusal({ format: 'keras-history', content: history, learningRate: 0.1 });
    assert.equal(missing.message, '--batch-size is missing: expected the batch size the run trained with, which a Keras history does not record.');
    assert.deepEqual(missing.field, ['--batch-size']);
    assert.equal(
      (await refusal({ format: 'keras-history', content: history, batchSize: 8 })).message,
      '--learning-rate is missing: expected the learning rate the run trained with, which a Keras history does not record.',
    );
    assert.equal(
      (await refusal({ format: 'keras-history', content: history, batchSize: 0, learningRate: 0.1 })).message,
      '--batch-size is 0: expected a whole number from 1 to 10000000.',
    );
  });

  it('refuses a batch size given with a table, which names its own, and an unknown format', async () => {
    assert.equal(
      (await refusal({ format: 'csv', content: 'x', batchSize: 8 })).message,
      "--batch-size is given with format csv: expected it only with keras-history, as a table names each row's batch_size.",
    );
    assert.equal((await refusal({ format: 'xml' as 'csv', content: 'x' })).message, '--format is "xml": expected one of csv, json, keras-history.');
  });
});

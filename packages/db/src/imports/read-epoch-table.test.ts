import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { LocatedEpochRow } from './epoch-row.js';
import { EpochTableReader } from './read-epoch-table.js';

const header = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy';

/** Every row of the content, given to the reader in pieces of `size` characters (whole by default). */
function readTable(content: string, format: 'csv' | 'json' = 'csv', size = content.length || 1): LocatedEpochRow[] {
  const reader = new EpochTableReader({ format, source: 'runs.csv' });
  const rows: LocatedEpochRow[] = [];
  for (let start = 0; start < content.length; start += size) rows.push(...reader.push(content.slice(start, start + size)));
  return [...rows, ...reader.end()];
}

/** The refusal the reader throws; fails the test when it throws none. */
function refusal(content: string, format: 'csv' | 'json' = 'csv'): string {
  try {
    readTable(content, format);
  } catch (error) {
    assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
    assert.equal(error.code, ErrorCode.BadUserInput);
    assert.deepEqual(error.field, ['content']);
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(content)} to be refused`);
}

describe('EpochTableReader', () => {
  it('reads CSV rows in the order they come, each with its line, the same in pieces of any size', () => {
    const csv = [header, '32,0.1,2,0.5,0.8,0.9,0.7', '"32",0.1,1,1.5,0.5,1.2,0.6', '128,1e-3,1,2.0,0.3,2.1,0.25'].join('\r\n');
    const whole = readTable(csv);
    assert.deepEqual(whole, [
      {
        row: {
          batchSize: 32,
          learningRate: 0.1,
          repeat: 1,
          epoch: 2,
          loss: 0.5,
          accuracy: 0.8,
          valLoss: 0.9,
          valAccuracy: 0.7,
          durationMs: null,
          imagesPerSecond: null,
          noiseScale: null,
        },
        status: 'succeeded',
        tags: '',
        notes: '',
        place: 2,
      },
      {
        row: {
          batchSize: 32,
          learningRate: 0.1,
          repeat: 1,
          epoch: 1,
          loss: 1.5,
          accuracy: 0.5,
          valLoss: 1.2,
          valAccuracy: 0.6,
          durationMs: null,
          imagesPerSecond: null,
          noiseScale: null,
        },
        status: 'succeeded',
        tags: '',
        notes: '',
        place: 3,
      },
      {
        row: {
          batchSize: 128,
          learningRate: 0.001,
          repeat: 1,
          epoch: 1,
          loss: 2,
          accuracy: 0.3,
          valLoss: 2.1,
          valAccuracy: 0.25,
          durationMs: null,
          imagesPerSecond: null,
          noiseScale: null,
        },
        status: 'succeeded',
        tags: '',
        notes: '',
        place: 4,
      },
    ]);
    // Pieces that end inside a quote pair, a CRLF or a number.
    for (const size of [1, 2, 3, 7]) assert.deepEqual(readTable(`\uFEFF${csv}`, 'csv', size), whole);
  });

  it('reads a JSON array in pieces of any size as it reads it whole', () => {
    const json = JSON.stringify([
      { batch_size: 16, learning_rate: 0.01, epoch: 1, loss: 1, accuracy: 0.5, val_loss: 1.1, val_accuracy: 0.4, note: 'a "quoted" ] and }' },
      { batch_size: 16, learning_rate: 0.01, epoch: 2, loss: 0.5, accuracy: 0.6, val_loss: 1, val_accuracy: 0.5, extra: [1, { deep: [] }] },
    ]);
    const whole = readTable(json, 'json');
    assert.deepEqual(
      whole.map(({ row, place }) => [place, row.epoch, row.loss]),
      [
        [1, 1, 1],
        [2, 2, 0.5],
      ],
    );
    for (const size of [1, 5, 13]) assert.deepEqual(readTable(` \n${json}\n`, 'json', size), whole);
  });

  it('reads the optional repeat and timings, matches column names ignoring case and spaces, and ignores other columns', () => {
    const csv =
      'Epoch, Batch_Size ,learning_rate,loss,accuracy,val_loss,val_accuracy,repeat,duration_ms,images_per_second,note\n' +
      '1,8,0.5,1,0.5,1,0.5,2,1234.6,88.5,"first, fast"\n' +
      '2,8,0.5,1,0.5,1,0.5,2,,,\n';
    const rows = readTable(csv);
    assert.deepEqual(
      rows.map(({ row }) => row.repeat),
      [2, 2],
    );
    assert.deepEqual(
      rows.map(({ row: { durationMs, imagesPerSecond } }) => [durationMs, imagesPerSecond]),
      [
        [1235, 88.5],
        [null, null],
      ],
    );
  });

  it('reads how each run ended from the status column, succeeded when empty, and refuses a run still training', () => {
    const csv = `${header},status\n8,0.5,1,1,0.5,1,0.5,pruned\n16,0.5,1,1,0.5,1,0.5,\n32,0.5,1,1,0.5,1,0.5,Stopped_Early\n`;
    assert.deepEqual(
      readTable(csv).map(({ row, status }) => [row.batchSize, status]),
      [
        [8, 'pruned'],
        [16, 'succeeded'],
        [32, 'stopped_early'],
      ],
    );
    assert.equal(
      refusal(`${header},status\n8,0.5,1,1,0.5,1,0.5,running\n`),
      'runs.csv line 2: status is "running": expected one of succeeded, failed, diverged, cancelled, stopped_early, pruned, or nothing for succeeded (a run still queued or training has not ended: import it once it has).',
    );
  });

  it('reads a JSON array of rows with the same keys, numbers or numeric strings, null for an unknown timing', () => {
    const json = JSON.stringify([
      { batch_size: 16, learning_rate: 0.01, repeat: 1, epoch: 1, loss: 1, accuracy: '0.5', val_loss: 1.1, val_accuracy: 0.4, duration_ms: null },
    ]);
    assert.deepEqual(readTable(json, 'json'), [
      {
        row: {
          batchSize: 16,
          learningRate: 0.01,
          repeat: 1,
          epoch: 1,
          loss: 1,
          accuracy: 0.5,
          valLoss: 1.1,
          valAccuracy: 0.4,
          durationMs: null,
          imagesPerSecond: null,
          noiseScale: null,
        },
        status: 'succeeded',
        tags: '',
        notes: '',
        place: 1,
      },
    ]);
  });

  it('refuses an empty file, and reads no rows from a header only or an empty array', () => {
    assert.match(
      refusal(''),
      /^runs\.csv is empty: expected a header line with batch_size, learning_rate, epoch, loss, accuracy, val_loss, val_accuracy \(and optionally repeat, duration_ms, images_per_second, noise_scale, status, tags, notes\)/,
    );
    assert.match(refusal('', 'json'), /^runs\.csv is empty: expected JSON\.$/);
    assert.deepEqual(readTable(`${header}\n`), []);
    assert.deepEqual(readTable('[ ]', 'json'), []);
  });

  it('refuses a header without a required column, naming the missing columns and those it has', () => {
    assert.equal(
      refusal('batch_size,lr,epoch,loss,accuracy,val_loss\n32,0.1,1,1,1,1\n'),
      'runs.csv line 1: the header has no learning_rate, val_accuracy: expected the columns batch_size, learning_rate, epoch, loss, accuracy, ' +
        'val_loss, val_accuracy (and optionally repeat, duration_ms, images_per_second, noise_scale, status, tags, notes); it has batch_size, lr, epoch, loss, accuracy, val_loss.',
    );
    assert.match(refusal(`${header},loss\n`), /^runs\.csv line 1: column loss is named twice: expected each column once\.$/);
  });

  it('refuses a value that is not a number, NaN included, naming the line, the column, the value and what is expected', () => {
    assert.equal(refusal(`${header}\n32,0.1,1,abc,0.5,1,0.5\n`), 'runs.csv line 2: loss is "abc": expected a finite number of at least 0.');
    assert.equal(refusal(`${header}\n32,0.1,1,1,0.5,NaN,0.5\n`), 'runs.csv line 2: val_loss is "NaN": expected a finite number of at least 0.');
    assert.equal(refusal(`${header}\n32,0.1,1,1,0.5,1e999,0.5\n`), 'runs.csv line 2: val_loss is "1e999": expected a finite number of at least 0.');
    assert.equal(refusal(`${header}\n32,0.1,1,1,,1,0.5\n`), 'runs.csv line 2: accuracy is empty: expected a fraction from 0 to 1.');
    assert.equal(refusal(`${header}\n32.5,0.1,1,1,0.5,1,0.5\n`), 'runs.csv line 2: batch_size is "32.5": expected a whole number from 1 to 10000000.');
    assert.equal(
      refusal(`${header}\n32,0,1,1,0.5,1,0.5\n`),
      'runs.csv line 2: learning_rate is "0": expected a number greater than 0 and at most 3.4e38, e.g. 0.01 or 1e-3.',
    );
    assert.equal(
      refusal(JSON.stringify([{ batch_size: 32, learning_rate: 0.1, epoch: 1, loss: 1, accuracy: 0.5, val_loss: null, val_accuracy: 0.5 }]), 'json'),
      'runs.csv row 1: val_loss is null: expected a finite number of at least 0.',
    );
    assert.equal(
      refusal(JSON.stringify([{ batch_size: 32, learning_rate: 0.1, epoch: 1, loss: 1, accuracy: 0.5, val_accuracy: 0.5 }]), 'json'),
      'runs.csv row 1: val_loss is missing: expected a finite number of at least 0.',
    );
    assert.match(refusal('[{"loss": NaN}]', 'json'), /^runs\.csv line 1: a value is NaN: expected finite numbers/);
  });

  it('refuses an accuracy outside 0–1', () => {
    assert.equal(refusal(`${header}\n32,0.1,1,1,1.5,1,0.5\n`), 'runs.csv line 2: accuracy is "1.5": expected a fraction from 0 to 1.');
    assert.equal(refusal(`${header}\n32,0.1,1,1,0.5,1,-0.01\n`), 'runs.csv line 2: val_accuracy is "-0.01": expected a fraction from 0 to 1.');
  });

  it('refuses a line with more or fewer fields than the header', () => {
    assert.equal(refusal(`${header}\n32,0.1,1,1,0.5,1\n`), 'runs.csv line 2 has 6 fields: expected 7, one per column of the header on line 1.');
  });

  it('refuses JSON that is not an array of rows, and points a Keras history at its own format', () => {
    assert.match(
      refusal('{"loss": [1]}', 'json'),
      /^runs\.csv is an object of metric lists, as a Keras history is: expected an array .*\(import a Keras history as format keras-history/,
    );
    assert.match(refusal('[1]', 'json'), /^runs\.csv row 1 is 1: expected an object with the keys batch_size, /);
    assert.match(refusal('[{', 'json'), /^runs\.csv is not valid JSON \(.*\): expected JSON text\.$/);
    assert.match(refusal('[{"a": 1} {"b": 2}]', 'json'), /^runs\.csv is not valid JSON \(unexpected "\{" on line 1\)/);
    assert.match(refusal('[1,]', 'json'), /^runs\.csv is not valid JSON \(unexpected "\]" on line 1\)/);
    assert.match(refusal('[] x', 'json'), /^runs\.csv is not valid JSON \(unexpected "x" after the array on line 1\)/);
  });

  it('refuses a record or a row over a mebibyte, an unclosed quote among them, without reading on', () => {
    const open = `${header}\n"32${'x'.repeat(1_100_000)}`;
    assert.match(
      refusal(open),
      /^runs\.csv line 2: the record is over 1,048,576 characters \(a quoted field opened on line 2 is still open: is a closing " missing\?\)/,
    );
    const reader = new EpochTableReader({ format: 'json', source: 'runs.csv' });
    reader.push('[{"note": "');
    assert.throws(() => {
      for (let piece = 0; piece < 20; piece += 1) reader.push('y'.repeat(65_536));
    }, /^SweepscopeError: runs\.csv row 1 is over 1,048,576 characters: expected one object per epoch\.$/);
  });
});

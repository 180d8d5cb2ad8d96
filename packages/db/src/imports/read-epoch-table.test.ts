import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '../errors/index.js';
import { parseEpochTable } from './parse-epoch-table.js';

const header = 'batch_size,learning_rate,epoch,loss,accuracy,val_loss,val_accuracy';

/** The refusal parseEpochTable throws; fails the test when it throws none. */
function refusal(content: string, format: 'csv' | 'json' = 'csv'): string {
  try {
    parseEpochTable(content, { format, source: 'runs.csv' });
  } catch (error) {
    assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
    assert.equal(error.code, ErrorCode.BadUserInput);
    assert.deepEqual(error.field, ['content']);
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(content)} to be refused`);
}

describe('parseEpochTable', () => {
  it('groups CSV rows into one run per cell and repeat, epochs in order, whatever order the rows come in', () => {
    const csv = [header, '32,0.1,2,0.5,0.8,0.9,0.7', '32,0.1,1,1.5,0.5,1.2,0.6', '128,1e-3,1,2.0,0.3,2.1,0.25'].join('\r\n');
    assert.deepEqual(parseEpochTable(csv, { format: 'csv' }), [
      {
        batchSize: 32,
        learningRate: 0.1,
        repeat: 1,
        status: 'succeeded',
        epochs: [
          { epoch: 1, loss: 1.5, accuracy: 0.5, valLoss: 1.2, valAccuracy: 0.6, durationMs: null, imagesPerSecond: null },
          { epoch: 2, loss: 0.5, accuracy: 0.8, valLoss: 0.9, valAccuracy: 0.7, durationMs: null, imagesPerSecond: null },
        ],
      },
      {
        batchSize: 128,
        learningRate: 0.001,
        repeat: 1,
        status: 'succeeded',
        epochs: [{ epoch: 1, loss: 2, accuracy: 0.3, valLoss: 2.1, valAccuracy: 0.25, durationMs: null, imagesPerSecond: null }],
      },
    ]);
  });

  it('reads the optional repeat and timings, matches column names ignoring case and spaces, and ignores other columns', () => {
    const csv =
      'Epoch, Batch_Size ,learning_rate,loss,accuracy,val_loss,val_accuracy,repeat,duration_ms,images_per_second,note\n' +
      '1,8,0.5,1,0.5,1,0.5,2,1234.6,88.5,"first, fast"\n' +
      '2,8,0.5,1,0.5,1,0.5,2,,,\n';
    const [run] = parseEpochTable(csv, { format: 'csv' });
    assert.equal(run?.repeat, 2);
    assert.deepEqual(
      run?.epochs.map(({ durationMs, imagesPerSecond }) => [durationMs, imagesPerSecond]),
      [
        [1235, 88.5],
        [null, null],
      ],
    );
  });

  it('reads how each run ended from the status column, succeeded when empty, and refuses a run still training or two statuses for one run', () => {
    const csv = `${header},status\n8,0.5,1,1,0.5,1,0.5,pruned\n16,0.5,1,1,0.5,1,0.5,\n32,0.5,1,1,0.5,1,0.5,Stopped_Early\n`;
    assert.deepEqual(
      parseEpochTable(csv, { format: 'csv', source: 'runs.csv' }).map((run) => [run.batchSize, run.status]),
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
    assert.equal(
      refusal(`${header},status\n8,0.5,1,1,0.5,1,0.5,pruned\n8,0.5,2,1,0.5,1,0.5,succeeded\n`),
      'runs.csv line 3: status is succeeded but the run batch_size 8, learning_rate 0.5, repeat 1 is pruned at runs.csv line 2: expected one status for every row of a run.',
    );
  });

  it('reads a JSON array of rows with the same keys, numbers or numeric strings, null for an unknown timing', () => {
    const json = JSON.stringify([
      { batch_size: 16, learning_rate: 0.01, repeat: 1, epoch: 1, loss: 1, accuracy: '0.5', val_loss: 1.1, val_accuracy: 0.4, duration_ms: null },
    ]);
    assert.deepEqual(parseEpochTable(json, { format: 'json' }), [
      {
        batchSize: 16,
        learningRate: 0.01,
        repeat: 1,
        status: 'succeeded',
        epochs: [{ epoch: 1, loss: 1, accuracy: 0.5, valLoss: 1.1, valAccuracy: 0.4, durationMs: null, imagesPerSecond: null }],
      },
    ]);
  });

  it('refuses an empty file and a file with a header only', () => {
    assert.match(
      refusal(''),
      /^runs\.csv is empty: expected a header line with batch_size, learning_rate, epoch, loss, accuracy, val_loss, val_accuracy \(and optionally repeat, duration_ms, images_per_second, status\)/,
    );
    assert.equal(refusal(`${header}\n`), 'runs.csv has no epoch rows: expected one row per epoch of each run.');
    assert.match(refusal('', 'json'), /^runs\.csv is empty: expected JSON\.$/);
    assert.equal(refusal('[]', 'json'), 'runs.csv has no epoch rows: expected one row per epoch of each run.');
  });

  it('refuses a header without a required column, naming the missing columns and those it has', () => {
    assert.equal(
      refusal('batch_size,lr,epoch,loss,accuracy,val_loss\n32,0.1,1,1,1,1\n'),
      'runs.csv line 1: the header has no learning_rate, val_accuracy: expected the columns batch_size, learning_rate, epoch, loss, accuracy, ' +
        'val_loss, val_accuracy (and optionally repeat, duration_ms, images_per_second, status); it has batch_size, lr, epoch, loss, accuracy, val_loss.',
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

  it('refuses an epoch given twice for the same cell and repeat, naming both lines', () => {
    assert.equal(
      refusal(`${header}\n32,0.1,1,1,0.5,1,0.5\n32,0.10,1,2,0.5,1,0.5\n`),
      'runs.csv line 3: epoch 1 of the run batch_size 32, learning_rate 0.1, repeat 1 is also at runs.csv line 2: expected each epoch of a run once.',
    );
    const repeats = `${header},repeat\n32,0.1,1,1,0.5,1,0.5,1\n32,0.1,1,1,0.5,1,0.5,2\n`;
    assert.deepEqual(
      parseEpochTable(repeats, { format: 'csv' }).map((run) => run.repeat),
      [1, 2],
    );
  });

  it('refuses epochs that do not start at 1 or skip a number', () => {
    assert.equal(
      refusal(`${header}\n32,0.1,2,1,0.5,1,0.5\n32,0.1,3,1,0.5,1,0.5\n`),
      'runs.csv line 2: epoch is 2, the first of the run batch_size 32, learning_rate 0.1, repeat 1: expected its epochs to start at 1.',
    );
    assert.equal(
      refusal(`${header}\n32,0.1,1,1,0.5,1,0.5\n32,0.1,2,1,0.5,1,0.5\n32,0.1,4,1,0.5,1,0.5\n`),
      'runs.csv line 4: epoch is 4 but the run batch_size 32, learning_rate 0.1, repeat 1 has no epoch 3: expected every epoch from 1 to 4.',
    );
  });

  it('refuses JSON that is not an array of rows, and points a Keras history at its own format', () => {
    assert.match(
      refusal('{"loss": [1]}', 'json'),
      /^runs\.csv is an object of metric lists, as a Keras history is: expected an array .*\(import a Keras history as format keras-history/,
    );
    assert.match(refusal('[1]', 'json'), /^runs\.csv row 1 is 1: expected an object with the keys batch_size, /);
    assert.match(refusal('[{', 'json'), /^runs\.csv is not valid JSON \(.*\): expected JSON text\.$/);
  });
});

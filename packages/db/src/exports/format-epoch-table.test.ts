import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExportedEpochRow } from './read-sweep-epochs.js';
import { EpochTableReader } from '../imports/read-epoch-table.js';
import { formatEpochTable } from './format-epoch-table.js';

const rows: ExportedEpochRow[] = [
  {
    batchSize: 32,
    learningRate: 0.1,
    repeat: 1,
    epoch: 1,
    loss: 0.00084681,
    accuracy: 1,
    valLoss: 0.5873,
    valAccuracy: 0.8382,
    durationMs: 1500,
    imagesPerSecond: 233.25,
    noiseScale: 312.5,
    status: 'succeeded',
    tags: [],
    notes: '',
  },
  {
    batchSize: 128,
    learningRate: 1e-7,
    repeat: 2,
    epoch: 1,
    loss: 1 / 3,
    accuracy: 0.1 + 0.2,
    valLoss: 2,
    valAccuracy: 0,
    durationMs: null,
    imagesPerSecond: null,
    noiseScale: null,
    status: 'pruned',
    tags: ['baseline', 'fig "3"'],
    notes: 'lr too small,\nsee "notes"',
  },
];

describe('formatEpochTable', () => {
  it('writes CSV with a header of the import columns and CRLF line ends, an unknown timing left empty, how each run ended, and its tags and notes quoted where needed', () => {
    assert.equal(
      formatEpochTable(rows, 'csv'),
      'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second,noise_scale,status,tags,notes\r\n' +
        '32,0.1,1,1,0.00084681,1,0.5873,0.8382,1500,233.25,312.5,succeeded,,\r\n' +
        '128,1e-7,2,1,0.3333333333333333,0.30000000000000004,2,0,,,,pruned,"baseline,fig ""3""","lr too small,\nsee ""notes"""\r\n',
    );
  });

  it('writes JSON as an array of one object per row with the same keys, an unknown timing null and tags a list', () => {
    const [, second] = JSON.parse(formatEpochTable(rows, 'json')) as Record<string, unknown>[];
    assert.deepEqual(second, {
      batch_size: 128,
      learning_rate: 1e-7,
      repeat: 2,
      epoch: 1,
      loss: 1 / 3,
      accuracy: 0.1 + 0.2,
      val_loss: 2,
      val_accuracy: 0,
      duration_ms: null,
      images_per_second: null,
      noise_scale: null,
      status: 'pruned',
      tags: ['baseline', 'fig "3"'],
      notes: 'lr too small,\nsee "notes"',
    });
  });

  it('writes what an import reads back to the same numbers, tags and notes, in both forms', () => {
    for (const format of ['csv', 'json'] as const) {
      const reader = new EpochTableReader({ format });
      const back = [...reader.push(formatEpochTable(rows, format)), ...reader.end()].map(({ row, status, tags, notes }) => ({
        ...row,
        status,
        tags: tags === '' ? [] : tags.split(','),
        notes,
      }));
      assert.deepEqual(back, rows);
    }
  });
});

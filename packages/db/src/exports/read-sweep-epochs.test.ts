import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { importResults } from '../imports/import-results.js';
import { useTestDatabase } from '../testing/index.js';
import { formatEpochTable } from './format-epoch-table.js';
import { readSweepEpochs } from './read-sweep-epochs.js';

/** A sweep of three cells, two repeats of one, metrics with every digit a double holds. */
const source = [
  'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second,tags,notes',
  '128,0.001,1,2,1.9535123456789012,0.8559,3.7203,0.2196,,,,',
  '128,0.001,1,1,2.2,0.5,3.9,0.1,,,,',
  '32,0.1,2,1,0.7,0.75,0.9,0.66,2001,190.12345,,',
  '32,0.1,1,1,0.6,0.8,0.8,0.7,2000,200.5,"best,fig-3",',
  '32,0.1,1,2,0.00084681,1,0.5873,0.8382,1999,201.25,,"overfits, see val_loss"',
  '64,1e-2,1,1,0.0218,1,1.7184,0.6441,3000,150,,',
].join('\r\n');

describe('readSweepEpochs', () => {
  const database = useTestDatabase();

  it('reads every epoch sorted by batch size, learning rate, repeat and epoch, with its run’s status, tags and notes', async () => {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: source }, importedFrom: 'api' });
    const { rows } = await readSweepEpochs(database.prisma, sweep.id);
    assert.deepEqual(
      rows.map((row) => `${row.batchSize}:${row.learningRate}#${row.repeat}@${row.epoch}`),
      ['32:0.1#1@1', '32:0.1#1@2', '32:0.1#2@1', '64:0.01#1@1', '128:0.001#1@1', '128:0.001#1@2'],
    );
    assert.deepEqual(rows[0], {
      batchSize: 32,
      learningRate: 0.1,
      repeat: 1,
      epoch: 1,
      loss: 0.6,
      accuracy: 0.8,
      valLoss: 0.8,
      valAccuracy: 0.7,
      durationMs: 2000,
      imagesPerSecond: 200.5,
      noiseScale: null,
      status: 'succeeded',
      tags: ['best', 'fig-3'],
      notes: 'overfits, see val_loss',
    });
    assert.equal(rows[4]?.durationMs, null);
  });

  it('reads only the current attempt of a retried run', async () => {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: source }, importedFrom: 'api' });
    const run = sweep.runs.find((candidate) => candidate.batchSize === 64);
    assert.ok(run);
    // A retry: the run's next attempt, with one new epoch so far.
    await database.prisma.run.update({ where: { id: run.id }, data: { attempt: 2, status: 'running' } });
    await database.prisma.epoch.create({ data: { runId: run.id, attempt: 2, epoch: 1, loss: 9, accuracy: 0.1, valLoss: 9, valAccuracy: 0.1 } });
    const { rows } = await readSweepEpochs(database.prisma, sweep.id);
    assert.deepEqual(
      rows.filter((row) => row.batchSize === 64).map((row) => row.loss),
      [9],
    );
  });

  it('refuses an unknown sweep with NOT_FOUND', async () => {
    for (const id of [999_999, 2 ** 40]) {
      await assert.rejects(readSweepEpochs(database.prisma, id), (error: unknown) => {
        assert.ok(error instanceof SweepscopeError);
        assert.equal(error.code, ErrorCode.NotFound);
        assert.equal(error.message, `Sweep ${id} does not exist: expected the id of a sweep to export.`);
        return true;
      });
    }
  });

  it('exports a sweep that imports back into an identical sweep: same cells, repeats and every epoch’s metrics, in CSV and JSON', async () => {
    const { sweep: original } = await importResults(database.prisma, { results: { format: 'csv', content: source }, importedFrom: 'api' });
    const exported = await readSweepEpochs(database.prisma, original.id);
    for (const format of ['csv', 'json'] as const) {
      const text = formatEpochTable(exported.rows, format);
      // Checked as an import checks it, then stored in a fresh sweep.
      const { sweep: copy } = await importResults(database.prisma, { results: { format, content: text }, importedFrom: `sweep-${original.id}.${format}` });
      assert.notEqual(copy.id, original.id);
      const cells = (runs: typeof copy.runs) => runs.map((run) => `${run.batchSize}:${run.learningRate}#${run.repeat}`).sort();
      assert.deepEqual(cells(copy.runs), cells(original.runs));
      assert.deepEqual((await readSweepEpochs(database.prisma, copy.id)).rows, exported.rows);
    }
  });
});

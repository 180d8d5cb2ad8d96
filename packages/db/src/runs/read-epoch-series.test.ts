import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importResults } from '../imports/import-results.js';
import { useTestDatabase } from '../testing/index.js';
import { readEpochSeries } from './read-epoch-series.js';

// Run 32 stored four epochs, run 64 one without timings.
const source = [
  'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second',
  '32,0.1,1,4,0.4,0.9,0.6,0.84,1990,201',
  '32,0.1,1,3,0.45,0.88,0.65,0.82,1995,200',
  '32,0.1,1,1,0.6,0.8,0.8,0.7,2000,200.5',
  '32,0.1,1,2,0.5,0.85,0.7,0.8,1999,201.25',
  '64,0.01,1,1,0.9,0.6,1.1,0.55,,',
].join('\r\n');

describe('readEpochSeries', () => {
  const database = useTestDatabase();

  async function importRuns() {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: source }, importedFrom: 'api' });
    const runOf = (batchSize: number) => sweep.runs.find((run) => run.batchSize === batchSize)!.id;
    const small = runOf(32);
    // Imports and workers store every epoch in turn; a gap can only be made by hand, as here.
    await database.prisma.epoch.deleteMany({ where: { runId: small, epoch: 3 } });
    return { small, large: runOf(64) };
  }

  it('reads one metric by epoch for each run asked for, in the order asked, with gaps as null', async () => {
    const { small, large } = await importRuns();
    assert.deepEqual(await readEpochSeries(database.prisma, [large, small, 999_999], 'valAccuracy'), [[0.55], [0.7, 0.8, null, 0.84], []]);
    assert.deepEqual(await readEpochSeries(database.prisma, [small], 'durationMs'), [[2000, 1999, null, 1990]]);
    assert.deepEqual(await readEpochSeries(database.prisma, [large], 'imagesPerSecond'), [[null]]);
  });

  it('reads only the current attempt of a retried run', async () => {
    const { small } = await importRuns();
    await database.prisma.run.update({ where: { id: small }, data: { attempt: 2, status: 'running' } });
    await database.prisma.epoch.create({ data: { runId: small, attempt: 2, epoch: 1, loss: 9, accuracy: 0.1, valLoss: 9, valAccuracy: 0.1 } });
    assert.deepEqual(await readEpochSeries(database.prisma, [small], 'loss'), [[9]]);
  });
});

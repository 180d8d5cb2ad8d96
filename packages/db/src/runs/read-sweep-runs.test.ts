import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importResults } from '../imports/import-results.js';
import { createSweep } from '../sweeps/create-sweep.js';
import { claimTestRun, useTestDatabase } from '../testing/index.js';
import { finishRun } from './finish-run.js';
import { readEpochsById } from './read-epochs-by-id.js';
import { readSweepRuns } from './read-sweep-runs.js';
import { recordEpoch } from './record-epoch.js';

// An imported run, and one without timings.
const imported = [
  'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second',
  '32,0.1,1,1,0.6,0.8,0.8,0.7,2000,200',
  '32,0.1,1,2,0.45,0.88,0.65,0.82,1995,220',
  '64,0.01,1,1,0.9,0.6,1.1,0.55,,',
].join('\r\n');

const metrics = (epoch: number) => ({
  epoch,
  loss: 1 / epoch,
  accuracy: 0.5,
  valLoss: 1.2 / epoch,
  valAccuracy: 0.4 + epoch / 100,
  durationMs: 1000,
  imagesPerSecond: 320.5,
});

// These reads go around Prisma's query interpreter (see readSweepRuns), so they are checked
// against it: whatever a run or an epoch holds, they must hand back what findMany would.
describe('readSweepRuns and readEpochsById', () => {
  const database = useTestDatabase();

  async function seed() {
    const { prisma } = database;
    const trained = await createSweep(prisma, { input: { preset: 'smoke', cells: '16:0.1,8:0.1,8:0.01', repeats: 2 }, createdBy: 'test' });
    const [first, second] = trained.runs;
    const lease = await claimTestRun(prisma, first!.id);
    await recordEpoch(prisma, lease, metrics(1), { weights: new Uint8Array([1, 2]), state: { step: 3 } });
    // Epoch 2 missing: a null in the run's series.
    await recordEpoch(prisma, lease, metrics(3));
    await finishRun(prisma, lease, 'failed', 'out of memory');
    await claimTestRun(prisma, second!.id);
    const { sweep } = await importResults(prisma, { results: { format: 'csv', content: imported }, importedFrom: 'api' });
    return { trainedId: trained.id, importedId: sweep.id };
  }

  it("reads each sweep's runs as findMany does, ordered by batch size, learning rate and repeat", async () => {
    const { prisma } = database;
    const { trainedId, importedId } = await seed();
    const expected = async (sweepId: number) =>
      prisma.run.findMany({ where: { sweepId }, orderBy: [{ batchSize: 'asc' }, { learningRate: 'asc' }, { repeat: 'asc' }] });
    const [imported, none, trained] = await readSweepRuns(prisma, [importedId, 999_999, trainedId]);
    assert.deepStrictEqual(trained, await expected(trainedId));
    assert.deepStrictEqual(imported, await expected(importedId));
    assert.deepStrictEqual(none, []);
    assert.deepEqual(
      trained?.map((run) => `${run.batchSize}:${run.learningRate}#${run.repeat}`),
      ['8:0.01#1', '8:0.01#2', '8:0.1#1', '8:0.1#2', '16:0.1#1', '16:0.1#2'],
    );
    assert.deepEqual(
      trained?.find((run) => run.epochsDone === 2)?.valAccuracies,
      [metrics(1).valAccuracy, null, metrics(3).valAccuracy],
      'the series keeps its gap',
    );
  });

  it('reads epochs by id as findMany does, in the order asked, with null for an id that names none', async () => {
    const { prisma } = database;
    await seed();
    const stored = await prisma.epoch.findMany({ orderBy: { id: 'desc' } });
    const ids = [...stored.map((epoch) => epoch.id), 999_999, stored[0]!.id];
    assert.deepStrictEqual(await readEpochsById(prisma, ids), [...stored, null, stored[0]]);
  });
});

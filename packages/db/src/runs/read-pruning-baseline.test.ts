import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importResults } from '../imports/import-results.js';
import { useTestDatabase } from '../testing/index.js';
import { readPruningBaseline } from './read-pruning-baseline.js';

// Two epochs of four runs at batch 32 and one at batch 128, each run's accuracy its own.
const source = [
  'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,status',
  ...[
    [32, 0.1, 1, 0.5, 'succeeded'],
    [32, 0.01, 1, 0.6, 'stopped_early'],
    [32, 0.001, 1, 0.7, 'pruned'],
    [32, 0.1, 2, 0.8, 'succeeded'],
    [128, 0.1, 1, 0.9, 'succeeded'],
  ].flatMap(([batch, rate, repeat, accuracy, status]) =>
    [1, 2].map((epoch) => `${batch},${rate},${repeat},${epoch},1,${accuracy},1,${Number(accuracy) + epoch / 100},${status}`),
  ),
].join('\n');

describe('readPruningBaseline', () => {
  const database = useTestDatabase();

  it('reads the completed runs of the judged run’s batch size at one epoch, leaving out the run itself and other batch sizes', async () => {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: source }, importedFrom: 'api' });
    const judged = sweep.runs.find((run) => run.batchSize === 32 && run.repeat === 2)!;
    const baseline = await readPruningBaseline(database.prisma, { sweepId: sweep.id, runId: judged.id, batchSize: 32, epoch: 2 });
    // Succeeded and stopped early count; pruned, the run judged and batch 128 do not.
    assert.deepEqual(baseline.toSorted(), [0.52, 0.62]);
    assert.deepEqual(await readPruningBaseline(database.prisma, { sweepId: sweep.id, runId: judged.id, batchSize: 128, epoch: 1 }), [0.91]);
  });

  it('reads a retried run’s current attempt only', async () => {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: source }, importedFrom: 'api' });
    const retried = sweep.runs.find((run) => run.batchSize === 128)!;
    await database.prisma.run.update({ where: { id: retried.id }, data: { attempt: 2 } });
    assert.deepEqual(await readPruningBaseline(database.prisma, { sweepId: sweep.id, runId: 0, batchSize: 128, epoch: 1 }), []);
    await database.prisma.epoch.create({ data: { runId: retried.id, attempt: 2, epoch: 1, loss: 1, accuracy: 0.3, valLoss: 1, valAccuracy: 0.3 } });
    assert.deepEqual(await readPruningBaseline(database.prisma, { sweepId: sweep.id, runId: 0, batchSize: 128, epoch: 1 }), [0.3]);
  });
});

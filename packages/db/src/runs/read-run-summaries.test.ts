import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importResults } from '../imports/import-results.js';
import { useTestDatabase } from '../testing/index.js';
import { readRunSummaries } from './read-run-summaries.js';

// Run 32 has four epochs whose loss peaks at the second and whose best validation accuracy
// is tied by epochs 2 and 4; run 64 has one epoch without timings.
const source = [
  'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second',
  '32,0.1,1,1,0.6,0.8,0.8,0.7,2000,200',
  '32,0.1,1,2,0.9,0.85,0.7,0.84,1999,210',
  '32,0.1,1,3,0.45,0.88,0.65,0.82,1995,220',
  '32,0.1,1,4,0.4,0.9,0.6,0.84,1990,230',
  '64,0.01,1,1,0.9,0.6,1.1,0.55,,',
].join('\r\n');

describe('readRunSummaries', () => {
  const database = useTestDatabase();

  async function importRuns() {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: source }, importedFrom: 'api' });
    const runOf = (batchSize: number) => sweep.runs.find((run) => run.batchSize === batchSize)!.id;
    return { small: runOf(32), large: runOf(64) };
  }

  it('summarises each run asked for, in the order asked: count, mean speed, newest and best epoch, and the trace', async () => {
    const { small, large } = await importRuns();
    const [largeSummary, smallSummary, unknown] = await readRunSummaries(database.prisma, [large, small, 999_999]);
    assert.equal(smallSummary?.epochsDone, 4);
    assert.equal(smallSummary?.imagesPerSecond, 215);
    assert.equal(smallSummary?.latest?.epoch, 4);
    assert.equal(smallSummary?.latest?.loss, 0.4);
    assert.ok(smallSummary?.latest?.createdAt instanceof Date, 'the newest epoch is a stored row, dates as dates');
    // The earliest of the tied best.
    assert.equal(smallSummary?.best?.epoch, 2);
    assert.deepEqual(smallSummary?.trace, { epochs: 4, firstLoss: 0.6, lastLoss: 0.4, largestLoss: 0.9, bestValAccuracy: 0.84 });
    assert.equal(largeSummary?.imagesPerSecond, null);
    assert.equal(largeSummary?.latest?.durationMs, null);
    assert.deepEqual(largeSummary?.trace, { epochs: 1, firstLoss: 0.9, lastLoss: 0.9, largestLoss: 0.9, bestValAccuracy: 0.55 });
    assert.deepEqual(unknown, { runId: 999_999, epochsDone: 0, imagesPerSecond: null, latest: null, best: null, trace: null });
  });

  it('reads only the current attempt of a retried run, and nothing before its first epoch', async () => {
    const { small } = await importRuns();
    await database.prisma.run.update({ where: { id: small }, data: { attempt: 2, status: 'running' } });
    const [fresh] = await readRunSummaries(database.prisma, [small]);
    assert.deepEqual(fresh, { runId: small, epochsDone: 0, imagesPerSecond: null, latest: null, best: null, trace: null });
    await database.prisma.epoch.create({ data: { runId: small, attempt: 2, epoch: 1, loss: 9, accuracy: 0.1, valLoss: 9, valAccuracy: 0.1 } });
    const [retried] = await readRunSummaries(database.prisma, [small]);
    assert.equal(retried?.epochsDone, 1);
    assert.deepEqual(retried?.trace, { epochs: 1, firstLoss: 9, lastLoss: 9, largestLoss: 9, bestValAccuracy: 0.1 });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importResults } from '../imports/import-results.js';
import { createSweep } from '../sweeps/create-sweep.js';
import { claimTestRun, useTestDatabase } from '../testing/index.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { readEpochsById } from './read-epochs-by-id.js';
import { recordEpoch } from './record-epoch.js';
import { retryRun } from './retry-run.js';
import { trainingTraceOf } from './training-trace-of.js';

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

const emptyDigest = {
  epochsDone: 0,
  imagesPerSecond: null,
  firstLoss: null,
  lastLoss: null,
  largestLoss: null,
  bestValAccuracy: null,
  latestEpochId: null,
  bestEpochId: null,
  valAccuracies: [],
};

/** A run's digest columns, with the epoch numbers its epoch ids point at. */
async function readDigest(prisma: PrismaClient, runId: number) {
  const run = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
  const [latest, best] = await readEpochsById(prisma, [run.latestEpochId ?? 0, run.bestEpochId ?? 0]);
  return {
    digest: {
      epochsDone: run.epochsDone,
      imagesPerSecond: run.imagesPerSecond,
      firstLoss: run.firstLoss,
      lastLoss: run.lastLoss,
      largestLoss: run.largestLoss,
      bestValAccuracy: run.bestValAccuracy,
      latestEpochId: run.latestEpochId,
      bestEpochId: run.bestEpochId,
      valAccuracies: run.valAccuracies as (number | null)[],
    },
    latest: latest ?? null,
    best: best ?? null,
    trace: trainingTraceOf(run),
  };
}

// The digest is kept by triggers in the database, so these tests write the way each write
// path of the product does and read the row back.
describe('the run digest', () => {
  const database = useTestDatabase();

  async function importRuns() {
    const { sweep } = await importResults(database.prisma, { results: { format: 'csv', content: source }, importedFrom: 'api' });
    const runOf = (batchSize: number) => sweep.runs.find((run) => run.batchSize === batchSize)!.id;
    return { small: runOf(32), large: runOf(64) };
  }

  it('summarises an imported run: count, mean speed, first and largest loss, newest and best epoch, and the series', async () => {
    const { small, large } = await importRuns();
    const { digest, latest, best, trace } = await readDigest(database.prisma, small);
    assert.equal(digest.epochsDone, 4);
    assert.equal(digest.imagesPerSecond, 215);
    assert.equal(latest?.epoch, 4);
    assert.equal(latest?.loss, 0.4);
    // The earliest of the tied best.
    assert.equal(best?.epoch, 2);
    assert.deepEqual(digest.valAccuracies, [0.7, 0.84, 0.82, 0.84]);
    assert.deepEqual(trace, { epochs: 4, firstLoss: 0.6, lastLoss: 0.4, largestLoss: 0.9, bestValAccuracy: 0.84 });
    const other = await readDigest(database.prisma, large);
    assert.equal(other.digest.imagesPerSecond, null, 'no timings imported: no mean speed');
    assert.deepEqual(other.trace, { epochs: 1, firstLoss: 0.9, lastLoss: 0.9, largestLoss: 0.9, bestValAccuracy: 0.55 });
  });

  it("follows a worker's epochs as they are recorded, a rewritten epoch included, with gaps in the series as nulls", async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1', epochs: 5 }, createdBy: 'api' });
    const runId = sweep.runs[0]!.id;
    assert.deepEqual((await readDigest(database.prisma, runId)).digest, emptyDigest, 'a queued run has an empty digest');
    const lease = await claimTestRun(database.prisma, runId);
    const epoch = (number: number, loss: number, valAccuracy: number) => ({
      epoch: number,
      loss,
      accuracy: 0.5,
      valLoss: loss,
      valAccuracy,
      durationMs: 100,
      imagesPerSecond: 10 * number,
    });
    await recordEpoch(database.prisma, lease, epoch(1, 2, 0.3));
    await recordEpoch(database.prisma, lease, epoch(3, 1, 0.5));
    let { digest, latest, best } = await readDigest(database.prisma, runId);
    assert.deepEqual(digest.valAccuracies, [0.3, null, 0.5]);
    assert.equal(digest.epochsDone, 2);
    assert.equal(digest.imagesPerSecond, 20);
    assert.equal(latest?.epoch, 3);
    assert.equal(best?.epoch, 3);
    // Written again (a retried write): the epoch's row is updated in place.
    await recordEpoch(database.prisma, lease, epoch(3, 4, 0.1));
    ({ digest, latest, best } = await readDigest(database.prisma, runId));
    assert.deepEqual(digest.valAccuracies, [0.3, null, 0.1]);
    assert.equal(digest.largestLoss, 4);
    assert.equal(latest?.loss, 4);
    assert.equal(best?.epoch, 1);
    assert.deepEqual({ lastLoss: digest.lastLoss, bestValAccuracy: digest.bestValAccuracy }, { lastLoss: 4, bestValAccuracy: 0.3 });
  });

  it('empties when the run starts its next attempt, and follows that attempt only', async () => {
    const { small } = await importRuns();
    await database.prisma.run.update({ where: { id: small }, data: { status: 'failed' } });
    const retried = await retryRun(database.prisma, small, { fromScratch: true });
    assert.deepEqual(
      { epochsDone: retried.epochsDone, valAccuracies: retried.valAccuracies },
      { epochsDone: 0, valAccuracies: [] },
      "the row the retry returns has the new attempt's digest already",
    );
    assert.deepEqual((await readDigest(database.prisma, small)).digest, emptyDigest);
    await database.prisma.epoch.create({ data: { runId: small, attempt: 2, epoch: 1, loss: 9, accuracy: 0.1, valLoss: 9, valAccuracy: 0.1 } });
    const { digest, trace } = await readDigest(database.prisma, small);
    assert.equal(digest.epochsDone, 1);
    assert.deepEqual(digest.valAccuracies, [0.1]);
    assert.deepEqual(trace, { epochs: 1, firstLoss: 9, lastLoss: 9, largestLoss: 9, bestValAccuracy: 0.1 });
  });

  it('forgets deleted epochs', async () => {
    const { small } = await importRuns();
    await database.prisma.epoch.deleteMany({ where: { runId: small, epoch: { gte: 2 } } });
    const { digest, latest, best } = await readDigest(database.prisma, small);
    assert.equal(digest.epochsDone, 1);
    assert.deepEqual(digest.valAccuracies, [0.7]);
    assert.equal(latest?.epoch, 1);
    assert.equal(best?.epoch, 1);
    await database.prisma.epoch.deleteMany({ where: { runId: small } });
    assert.deepEqual((await readDigest(database.prisma, small)).digest, emptyDigest);
  });
});

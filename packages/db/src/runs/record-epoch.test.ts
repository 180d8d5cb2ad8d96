import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createPrisma, type PrismaClient } from '../client/create-prisma.js';
import type { EpochAddedEvent } from '../events/event-map.js';
import { listenForEvents, type EventSubscriber } from '../events/listen-for-events.js';
import { publishEvent } from '../events/publish-event.js';
import { createSweep } from '../sweeps/create-sweep.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { cancelRuns } from './cancel-runs.js';
import { readCheckpoint } from './read-checkpoint.js';
import { recordEpoch, type EpochMetrics } from './record-epoch.js';

const metrics: EpochMetrics = {
  epoch: 1,
  loss: 2.25,
  accuracy: 0.125,
  valLoss: 2.5,
  valAccuracy: 0.1,
  durationMs: 1234.6,
  imagesPerSecond: 12.5,
};

/** Long enough for a NOTIFY on the same machine to arrive, which takes a few milliseconds. */
const quietMs = 500;

describe('recordEpoch', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let events: EventSubscriber;
  /** Every epoch:added event heard, in order of arrival. */
  const heard: EpochAddedEvent[] = [];

  before(async () => {
    db = await createTestDatabase();
    prisma = createPrisma(db.url);
    events = await listenForEvents(db.url);
    events.on('epoch:added', (event) => heard.push(event));
  });
  after(async () => {
    await events.close();
    await prisma.$disconnect();
    await db.drop();
  });

  /** A fresh queued run, so each test's epochs are its own. */
  async function createRun(): Promise<{ sweepId: number; runId: number }> {
    const sweep = await createSweep(prisma, { input: { preset: 'smoke', cells: '8:0.1' }, createdBy: 'test' });
    const [run] = sweep.runs;
    assert.ok(run);
    return { sweepId: sweep.id, runId: run.id };
  }

  /** Resolves with the epoch events of a run once `count` have arrived; fails after 5 s. */
  async function waitForEvents(runId: number, count: number): Promise<EpochAddedEvent[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = heard.filter((event) => event.runId === runId);
      if (found.length >= count) return found;
      if (Date.now() > deadline) assert.fail(`expected ${count} epoch:added events for run ${runId}, got ${found.length}`);
      await sleep(10);
    }
  }

  it('announces epoch:added with the stored row\'s values once it commits', async () => {
    const { sweepId, runId } = await createRun();
    const row = await recordEpoch(prisma, runId, metrics);
    assert.equal(row.durationMs, 1235, 'durations are stored in whole milliseconds');
    const [event] = await waitForEvents(runId, 1);
    const stored = await prisma.epoch.findUniqueOrThrow({ where: { id: row.id } });
    const [logged] = await prisma.sweepEvent.findMany({ where: { runId, name: 'epoch:added' } });
    assert.ok(logged, 'the event is in the sweep\'s event log');
    assert.deepEqual(event, {
      seq: logged.id,
      sweepId,
      runId,
      epochId: stored.id,
      attempt: 1,
      epoch: stored.epoch,
      loss: stored.loss,
      accuracy: stored.accuracy,
      valLoss: stored.valLoss,
      valAccuracy: stored.valAccuracy,
      durationMs: stored.durationMs,
      imagesPerSecond: stored.imagesPerSecond,
    });
  });

  it('marks the run as alive', async () => {
    const { runId } = await createRun();
    const writtenAfter = Date.now();
    await recordEpoch(prisma, runId, metrics);
    const run = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
    assert.ok(run.heartbeatAt && run.heartbeatAt.getTime() >= writtenAfter - 1000, `heartbeatAt is ${String(run.heartbeatAt)}`);
  });

  it('neither stores nor announces an epoch whose transaction rolls back', async () => {
    const { sweepId, runId } = await createRun();
    await assert.rejects(
      prisma.$transaction(async (tx) => {
        const row = await tx.epoch.create({ data: { runId, ...metrics, durationMs: 1000 } });
        await publishEvent(tx, 'epoch:added', { ...metrics, durationMs: 1000, sweepId, runId, epochId: row.id, attempt: 1 });
        throw new Error('training failed after the write');
      }),
      /training failed after the write/,
    );
    await sleep(quietMs);
    assert.deepEqual(heard.filter((event) => event.runId === runId), []);
    assert.equal(await prisma.epoch.count({ where: { runId } }), 0);
    assert.equal(await prisma.sweepEvent.count({ where: { runId, name: 'epoch:added' } }), 0, 'nor logs it');

    // NOTIFYs arrive in commit order, so had the rolled-back one been sent it would come first.
    await recordEpoch(prisma, runId, { ...metrics, epoch: 2 });
    assert.deepEqual((await waitForEvents(runId, 1)).map((event) => event.epoch), [2]);
  });

  it('keeps one row with the second values when the same epoch is written twice', async () => {
    const { runId } = await createRun();
    const first = await recordEpoch(prisma, runId, metrics);
    const second = await recordEpoch(prisma, runId, { ...metrics, loss: 1.5, accuracy: 0.5, durationMs: 900 });
    const rows = await prisma.epoch.findMany({ where: { runId } });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.id, first.id, 'the row is replaced in place, keeping its id');
    assert.deepEqual(
      { loss: rows[0]?.loss, accuracy: rows[0]?.accuracy, durationMs: rows[0]?.durationMs },
      { loss: 1.5, accuracy: 0.5, durationMs: 900 },
    );
    assert.equal(second.id, first.id);
    const announced = await waitForEvents(runId, 2);
    assert.deepEqual(announced.map((event) => event.loss), [2.25, 1.5]);
  });

  it('keeps only the checkpoint of the newest epoch, written with it', async () => {
    const { runId } = await createRun();
    assert.equal(await readCheckpoint(prisma, runId), null);
    await recordEpoch(prisma, runId, metrics, { weights: new Uint8Array([1, 2, 3, 4]), state: { seed: 1 } });
    await recordEpoch(prisma, runId, { ...metrics, epoch: 2 }, { weights: new Uint8Array([5, 6, 7, 8]), state: { seed: 2 } });
    const checkpoint = await readCheckpoint(prisma, runId);
    assert.deepEqual(checkpoint && { ...checkpoint, weights: [...checkpoint.weights] }, { epoch: 2, weights: [5, 6, 7, 8], state: { seed: 2 } });
    assert.equal(await prisma.checkpoint.count({ where: { runId } }), 1);
  });

  it('tells the writer when a person cancelled the run meanwhile', async () => {
    const { sweepId, runId } = await createRun();
    assert.equal((await recordEpoch(prisma, runId, metrics)).runStatus, 'queued');
    await cancelRuns(prisma, sweepId);
    assert.equal((await recordEpoch(prisma, runId, { ...metrics, epoch: 2 })).runStatus, 'cancelled');
  });
});

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { type EpochAddedEvent, type EpochMetrics, ErrorCode } from '@sweepscope/core';
import { createPrisma, type PrismaClient } from '../client/create-prisma.js';
import { listenForEvents, type EventSubscriber } from '../events/listen-for-events.js';
import type { RunLease } from '../leases/run-lease.js';
import { reclaimExpiredRuns } from '../leases/reclaim-expired-runs.js';
import { createSweep } from '../sweeps/create-sweep.js';
import { claimTestRun, createTestDatabase, queryDatabase, type TestDatabase } from '../testing/index.js';
import { cancelRuns } from './cancel-runs.js';
import { readCheckpoint } from './read-checkpoint.js';
import { recordEpoch } from './record-epoch.js';

const metrics: EpochMetrics = {
  epoch: 1,
  loss: 2.25,
  accuracy: 0.125,
  valLoss: 2.5,
  valAccuracy: 0.1,
  durationMs: 1234.6,
  imagesPerSecond: 12.5,
  noiseScale: 41.5,
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

  /** A fresh run claimed by a worker, so each test's epochs are its own. */
  async function createRun(cells = '8:0.1'): Promise<{ sweepId: number; runId: number; lease: RunLease }> {
    const sweep = await createSweep(prisma, { input: { preset: 'smoke', cells }, createdBy: 'test' });
    const [run] = sweep.runs;
    assert.ok(run);
    return { sweepId: sweep.id, runId: run.id, lease: await claimTestRun(prisma, run.id) };
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

  it("announces epoch:added with the stored row's values once it commits", async () => {
    const { sweepId, runId, lease } = await createRun();
    const row = await recordEpoch(prisma, lease, metrics);
    assert.equal(row.durationMs, 1235, 'durations are stored in whole milliseconds');
    const [event] = await waitForEvents(runId, 1);
    const stored = await prisma.epoch.findUniqueOrThrow({ where: { id: row.id } });
    const [logged] = await prisma.sweepEvent.findMany({ where: { runId, name: 'epoch:added' } });
    assert.ok(logged, "the event is in the sweep's event log");
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
      noiseScale: 41.5,
    });
    assert.equal(stored.noiseScale, 41.5);
  });

  it('marks the run as alive and extends its lease', async () => {
    const { runId, lease } = await createRun();
    const claimed = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
    await sleep(20);
    await recordEpoch(prisma, lease, metrics);
    const run = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
    assert.ok(run.heartbeatAt && claimed.heartbeatAt && run.heartbeatAt > claimed.heartbeatAt, `heartbeatAt is ${String(run.heartbeatAt)}`);
    assert.ok(run.leaseExpiresAt && claimed.leaseExpiresAt && run.leaseExpiresAt > claimed.leaseExpiresAt, 'the lease is extended');
  });

  it('stores, logs and announces nothing when its transaction fails after the epoch is written', async () => {
    const { runId, lease } = await createRun();
    const checkpoint = { weights: new Uint8Array([1, 2, 3, 4]), state: { seed: 1 } };
    await recordEpoch(prisma, lease, metrics, checkpoint);
    await waitForEvents(runId, 1);
    // Fails the commit of any transaction that logs an event of this run, once recordEpoch has
    // written the epoch, its checkpoint, its log row and its NOTIFY: all of it must go, and
    // the NOTIFY with it. An event published after the epoch commits would leave the epoch behind.
    await queryDatabase(
      db.url,
      `
      CREATE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'planted failure at commit'; END $$;
      CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT ON "SweepEvent" DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW."runId" = ${runId}) EXECUTE FUNCTION fail_at_commit();`,
    );
    try {
      await assert.rejects(
        recordEpoch(prisma, lease, { ...metrics, epoch: 2 }, { weights: new Uint8Array([5, 6, 7, 8]), state: { seed: 2 } }),
        /planted failure at commit/,
      );
    } finally {
      await queryDatabase(db.url, `DROP TRIGGER fail_at_commit ON "SweepEvent"; DROP FUNCTION fail_at_commit();`);
    }
    await sleep(quietMs);
    assert.deepEqual(
      heard.filter((event) => event.runId === runId).map((event) => event.epoch),
      [1],
      'no NOTIFY for epoch 2',
    );
    assert.deepEqual(
      (await prisma.epoch.findMany({ where: { runId } })).map((row) => row.epoch),
      [1],
      'no row for epoch 2',
    );
    assert.equal(await prisma.sweepEvent.count({ where: { runId, name: 'epoch:added' } }), 1, 'no log row for epoch 2');
    assert.equal((await readCheckpoint(prisma, runId))?.epoch, 1, "the checkpoint is still epoch 1's");

    // NOTIFYs arrive in commit order, so had the failed one been sent it would come before this.
    await recordEpoch(prisma, lease, { ...metrics, epoch: 2 });
    assert.deepEqual(
      (await waitForEvents(runId, 2)).map((event) => event.epoch),
      [1, 2],
    );
  });

  it('gives events of concurrent writers to one sweep seqs in the order they commit', async () => {
    const sweep = await createSweep(prisma, { input: { preset: 'smoke', cells: '8:0.1,8:0.2,8:0.3,8:0.4,8:0.5,8:0.6' }, createdBy: 'test' });
    const leases = await Promise.all(sweep.runs.map((run) => claimTestRun(prisma, run.id)));
    // A random pause between drawing an event's id and committing: without the sweep's log
    // lock, a later id would often commit first.
    await queryDatabase(
      db.url,
      `
      CREATE FUNCTION pause_randomly() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_sleep(random() * 0.03); RETURN NEW; END $$;
      CREATE TRIGGER pause_randomly AFTER INSERT ON "SweepEvent" FOR EACH ROW WHEN (NEW."sweepId" = ${sweep.id}) EXECUTE FUNCTION pause_randomly();`,
    );
    try {
      await Promise.all(
        leases.map(async (lease) => {
          for (let epoch = 1; epoch <= 5; epoch += 1) await recordEpoch(prisma, lease, { ...metrics, epoch });
        }),
      );
    } finally {
      await queryDatabase(db.url, `DROP TRIGGER pause_randomly ON "SweepEvent"; DROP FUNCTION pause_randomly();`);
    }
    const deadline = Date.now() + 5000;
    let arrived: number[] = [];
    while (arrived.length < 30 && Date.now() < deadline) {
      await sleep(10);
      arrived = heard.filter((event) => event.sweepId === sweep.id).map((event) => event.seq);
    }
    assert.equal(arrived.length, 30);
    // NOTIFYs arrive in commit order: a seq lower than one already heard committed later.
    assert.deepEqual(
      arrived,
      [...arrived].sort((a, b) => a - b),
      'seqs arrive in increasing order',
    );
  });

  it('keeps one row with the second values when the same epoch is written twice', async () => {
    const { runId, lease } = await createRun();
    const first = await recordEpoch(prisma, lease, metrics);
    const second = await recordEpoch(prisma, lease, { ...metrics, loss: 1.5, accuracy: 0.5, durationMs: 900 });
    const rows = await prisma.epoch.findMany({ where: { runId } });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.id, first.id, 'the row is replaced in place, keeping its id');
    assert.deepEqual({ loss: rows[0]?.loss, accuracy: rows[0]?.accuracy, durationMs: rows[0]?.durationMs }, { loss: 1.5, accuracy: 0.5, durationMs: 900 });
    assert.equal(second.id, first.id);
    const announced = await waitForEvents(runId, 2);
    assert.deepEqual(
      announced.map((event) => event.loss),
      [2.25, 1.5],
    );
  });

  it('keeps only the checkpoint of the newest epoch, written with it', async () => {
    const { runId, lease } = await createRun();
    assert.equal(await readCheckpoint(prisma, runId), null);
    await recordEpoch(prisma, lease, metrics, { weights: new Uint8Array([1, 2, 3, 4]), state: { seed: 1 } });
    await recordEpoch(prisma, lease, { ...metrics, epoch: 2 }, { weights: new Uint8Array([5, 6, 7, 8]), state: { seed: 2 } });
    const checkpoint = await readCheckpoint(prisma, runId);
    assert.deepEqual(checkpoint && { ...checkpoint, weights: [...checkpoint.weights] }, { epoch: 2, weights: [5, 6, 7, 8], state: { seed: 2 } });
    assert.equal(await prisma.checkpoint.count({ where: { runId } }), 1);
  });

  it('refuses the write of a worker whose run a person cancelled, and stores nothing', async () => {
    const { sweepId, runId, lease } = await createRun();
    await recordEpoch(prisma, lease, metrics);
    await cancelRuns(prisma, sweepId);
    await assert.rejects(recordEpoch(prisma, lease, { ...metrics, epoch: 2 }), { code: ErrorCode.LeaseLost, message: /a person cancelled it/ });
    assert.deepEqual(
      (await prisma.epoch.findMany({ where: { runId } })).map((row) => row.epoch),
      [1],
    );
  });

  it("refuses the write of a worker whose lease ran out and whose run was taken over, and keeps the successor's", async () => {
    const { runId, lease } = await createRun();
    await recordEpoch(prisma, lease, metrics, { weights: new Uint8Array([1]), state: {} });
    await queryDatabase(db.url, `UPDATE "Run" SET "leaseExpiresAt" = timezone('UTC', now()) - interval '1 second' WHERE id = $1`, [runId]);
    assert.deepEqual(
      (await reclaimExpiredRuns(prisma)).runs.map((run) => [run.runId, run.status]),
      [[runId, 'queued']],
    );
    await assert.rejects(recordEpoch(prisma, lease, { ...metrics, epoch: 2 }), { code: ErrorCode.LeaseLost, message: /queued again to resume/ });

    const successor = await claimTestRun(prisma, runId, 'successor');
    await recordEpoch(prisma, successor, { ...metrics, epoch: 2, loss: 1 }, { weights: new Uint8Array([2]), state: {} });
    await assert.rejects(recordEpoch(prisma, lease, { ...metrics, epoch: 2, loss: 99 }, { weights: new Uint8Array([99]), state: {} }), {
      code: ErrorCode.LeaseLost,
      message: /successor took it over/,
    });
    const rows = await prisma.epoch.findMany({ where: { runId }, orderBy: { epoch: 'asc' } });
    assert.deepEqual(
      rows.map((row) => [row.epoch, row.loss]),
      [
        [1, metrics.loss],
        [2, 1],
      ],
    );
    assert.deepEqual([...((await readCheckpoint(prisma, runId))?.weights ?? [])], [2], "the successor's checkpoint stands");
  });
});

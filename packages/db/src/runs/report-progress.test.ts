import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { RunProgressEvent } from '@sweepscope/core';
import { createPrisma, type PrismaClient } from '../client/create-prisma.js';
import { listenForEvents, type EventSubscriber } from '../events/listen-for-events.js';
import { createSweep } from '../sweeps/create-sweep.js';
import { claimTestRun, createTestDatabase, type TestDatabase } from '../testing/index.js';
import { cancelRuns } from './cancel-runs.js';
import { reportProgress } from './report-progress.js';

describe('reportProgress', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let events: EventSubscriber;
  const heard: RunProgressEvent[] = [];
  before(async () => {
    db = await createTestDatabase();
    prisma = createPrisma(db.url);
    events = await listenForEvents(db.url);
    events.on('run:progress', (event) => heard.push(event));
  });
  after(async () => {
    await events.close();
    await prisma.$disconnect();
    await db.drop();
  });

  it('announces run:progress, renews the lease, and says whether the worker still holds the run', async () => {
    const sweep = await createSweep(prisma, { input: { preset: 'smoke', cells: '8:0.1' }, createdBy: 'test' });
    const runId = sweep.runs[0]?.id ?? 0;
    const lease = await claimTestRun(prisma, runId, 'w', 60_000);
    const claimed = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
    await sleep(20);
    const progress: RunProgressEvent = { sweepId: sweep.id, runId, epoch: 1, epochs: 2, batch: 3, batches: 4, imagesPerSecond: 5.5 };
    assert.equal(await reportProgress(prisma, lease, progress), true);
    for (let waited = 0; heard.length === 0 && waited < 5000; waited += 10) await sleep(10);
    assert.deepEqual(heard, [progress]);
    const run = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
    assert.ok(run.leaseExpiresAt && claimed.leaseExpiresAt && run.leaseExpiresAt > claimed.leaseExpiresAt, 'the lease is extended');

    await cancelRuns(prisma, sweep.id);
    assert.equal(await reportProgress(prisma, lease, progress), false);
    assert.equal(await reportProgress(prisma, { ...lease, runId: runId + 1000 }, progress), false);
    await sleep(200);
    assert.equal(heard.length, 1, 'a refused report announces nothing');
  });
});

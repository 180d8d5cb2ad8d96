import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrisma, type PrismaClient } from '../client/create-prisma.js';
import { createSweep } from '../sweeps/create-sweep.js';
import { createTestDatabase, queryDatabase, type TestDatabase } from '../testing/index.js';
import { cancelRuns } from './cancel-runs.js';
import { finishRun, requeueRun } from './finish-run.js';
import { startRun } from './start-run.js';

describe('cancelRuns', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  before(async () => {
    db = await createTestDatabase();
    prisma = createPrisma(db.url);
  });
  after(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it('cancels the queued and running runs of a sweep, takes them off the queue, and leaves ended runs alone', async () => {
    const sweep = await createSweep(prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.1,32:0.1' }, createdBy: 'test' });
    const [done, running, queued] = sweep.runs;
    assert.ok(done && running && queued);
    await startRun(prisma, { runId: done.id, worker: 'w', backend: 'cpu', backendNote: '' });
    await finishRun(prisma, done.id, 'succeeded');
    await startRun(prisma, { runId: running.id, worker: 'w', backend: 'cpu', backendNote: '' });

    assert.deepEqual(await cancelRuns(prisma, sweep.id), [running.id, queued.id]);
    const statuses = await prisma.run.findMany({ where: { sweepId: sweep.id }, orderBy: { id: 'asc' }, select: { status: true } });
    assert.deepEqual(statuses.map((run) => run.status), ['succeeded', 'cancelled', 'cancelled']);
    const jobs = await queryDatabase(db.url, `SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1)`, [[`run:${queued.id}`]]);
    assert.deepEqual(jobs, []);
  });

  it('keeps a cancelled run cancelled when its worker later finishes or gives it back', async () => {
    const sweep = await createSweep(prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.1' }, createdBy: 'test' });
    const [first, second] = sweep.runs;
    assert.ok(first && second);
    for (const run of [first, second]) await startRun(prisma, { runId: run.id, worker: 'w', backend: 'cpu', backendNote: '' });
    await cancelRuns(prisma, sweep.id);
    assert.equal(await finishRun(prisma, first.id, 'succeeded'), false);
    assert.equal(await requeueRun(prisma, second.id), false);
    const statuses = await prisma.run.findMany({ where: { sweepId: sweep.id }, select: { status: true } });
    assert.deepEqual(statuses.map((run) => run.status), ['cancelled', 'cancelled']);
    const jobs = await queryDatabase(db.url, `SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1)`, [[`run:${second.id}`]]);
    assert.deepEqual(jobs, []);
  });
});

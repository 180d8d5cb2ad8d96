import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@sweepscope/core';
import { createSweep } from '../sweeps/create-sweep.js';
import { claimTestRun, queryDatabase, useTestDatabase } from '../testing/index.js';
import { cancelRuns } from './cancel-runs.js';
import { finishRun, releaseRun } from './finish-run.js';

describe('cancelRuns', () => {
  const database = useTestDatabase();

  it('cancels the queued and running runs of a sweep, takes them off the queue, and leaves ended runs alone', async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.1,32:0.1' }, createdBy: 'test' });
    const [done, running, queued] = sweep.runs;
    assert.ok(done && running && queued);
    await finishRun(database.prisma, await claimTestRun(database.prisma, done.id), 'succeeded');
    await claimTestRun(database.prisma, running.id);

    assert.deepEqual(await cancelRuns(database.prisma, sweep.id), [running.id, queued.id]);
    const statuses = await database.prisma.run.findMany({ where: { sweepId: sweep.id }, orderBy: { id: 'asc' }, select: { status: true } });
    assert.deepEqual(
      statuses.map((run) => run.status),
      ['succeeded', 'cancelled', 'cancelled'],
    );
    const jobs = await queryDatabase(database.url, `SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1)`, [[`run:${queued.id}`]]);
    assert.deepEqual(jobs, []);
  });

  it('keeps a cancelled run cancelled when its worker later finishes or gives it back', async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.1' }, createdBy: 'test' });
    const [first, second] = sweep.runs;
    assert.ok(first && second);
    const firstLease = await claimTestRun(database.prisma, first.id);
    const secondLease = await claimTestRun(database.prisma, second.id);
    await cancelRuns(database.prisma, sweep.id);
    await assert.rejects(finishRun(database.prisma, firstLease, 'succeeded'), { code: ErrorCode.LeaseLost, message: /a person cancelled it/ });
    await assert.rejects(releaseRun(database.prisma, secondLease, 'stopping'), { code: ErrorCode.LeaseLost });
    const statuses = await database.prisma.run.findMany({ where: { sweepId: sweep.id }, select: { status: true } });
    assert.deepEqual(
      statuses.map((run) => run.status),
      ['cancelled', 'cancelled'],
    );
    const jobs = await queryDatabase(database.url, `SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1)`, [[`run:${second.id}`]]);
    assert.deepEqual(jobs, []);
  });
});

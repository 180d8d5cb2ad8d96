import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@sweepscope/core';
import { recordEpoch } from '../runs/record-epoch.js';
import { cancelRuns } from '../runs/cancel-runs.js';
import { claimTestRun, queryDatabase, useTestDatabase } from '../testing/index.js';
import { createSweep } from './create-sweep.js';
import { deleteSweep } from './delete-sweep.js';

describe('deleteSweep', () => {
  const database = useTestDatabase();

  it('refuses while a run trains, and deletes the sweep with its rows and queued jobs once cancelled', async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.1' }, createdBy: 'test' });
    const [running, queued] = sweep.runs;
    assert.ok(running && queued);
    const lease = await claimTestRun(database.prisma, running.id);
    await recordEpoch(database.prisma, lease, { epoch: 1, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, durationMs: 1, imagesPerSecond: 1 });

    await assert.rejects(deleteSweep(database.prisma, sweep.id), {
      code: ErrorCode.Conflict,
      message: new RegExp(`has 1 run\\(s\\) training \\(${running.id}\\): cancel the sweep first`),
    });
    assert.equal(await database.prisma.epoch.count({ where: { runId: running.id } }), 1, 'a refused delete keeps everything');

    await cancelRuns(database.prisma, sweep.id);
    await deleteSweep(database.prisma, sweep.id);
    assert.equal(await database.prisma.sweep.count({ where: { id: sweep.id } }), 0);
    assert.equal(await database.prisma.run.count({ where: { sweepId: sweep.id } }), 0);
    assert.equal(await database.prisma.sweepEvent.count({ where: { sweepId: sweep.id } }), 0);
    const jobs = await queryDatabase(database.url, `SELECT 1 FROM graphile_worker.jobs WHERE key = ANY($1)`, [[`run:${running.id}`, `run:${queued.id}`]]);
    assert.deepEqual(jobs, []);
  });

  it('takes the queued runs of a deleted sweep off the queue', async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1' }, createdBy: 'test' });
    await deleteSweep(database.prisma, sweep.id);
    const jobs = await queryDatabase(database.url, `SELECT 1 FROM graphile_worker.jobs WHERE key = $1`, [`run:${sweep.runs[0]!.id}`]);
    assert.deepEqual(jobs, []);
  });

  it('says NOT_FOUND for an unknown sweep and refuses a built-in one', async () => {
    await assert.rejects(deleteSweep(database.prisma, 999_999), { code: ErrorCode.NotFound, message: /Sweep 999999 does not exist/ });
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1' }, createdBy: 'test' });
    await database.prisma.sweep.update({ where: { id: sweep.id }, data: { builtIn: 'test-built-in' } });
    await assert.rejects(deleteSweep(database.prisma, sweep.id), { code: ErrorCode.Conflict, message: /is built in/ });
  });
});

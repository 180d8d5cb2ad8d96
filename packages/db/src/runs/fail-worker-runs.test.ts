import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSweep } from '../sweeps/create-sweep.js';
import { queryDatabase, useTestDatabase } from '../testing/index.js';
import { failWorkerRuns } from './fail-worker-runs.js';
import { finishRun } from './finish-run.js';
import { startRun } from './start-run.js';

describe('failWorkerRuns', () => {
  const database = useTestDatabase();

  it("fails the dead worker's running runs with the error and takes their jobs off the queue, leaving other runs alone", async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.1,32:0.1,4:0.1' }, createdBy: 'test' });
    const [dead, finished, other, queued] = sweep.runs;
    assert.ok(dead && finished && other && queued);
    await startRun(database.prisma, { runId: dead.id, worker: 'host:1', backend: 'wasm', backendNote: '' });
    await startRun(database.prisma, { runId: finished.id, worker: 'host:1', backend: 'wasm', backendNote: '' });
    await finishRun(database.prisma, finished.id, 'succeeded');
    await startRun(database.prisma, { runId: other.id, worker: 'host:2', backend: 'wasm', backendNote: '' });

    assert.deepEqual(await failWorkerRuns(database.prisma, 'host:1', 'the worker process exited with signal SIGKILL'), [dead.id]);
    const runs = await database.prisma.run.findMany({ where: { sweepId: sweep.id }, orderBy: { id: 'asc' }, select: { status: true, error: true } });
    assert.deepEqual(runs, [
      { status: 'failed', error: 'the worker process exited with signal SIGKILL' },
      { status: 'succeeded', error: null },
      { status: 'running', error: null },
      { status: 'queued', error: null },
    ]);
    const jobs = await queryDatabase<{ key: string }>(database.url, `SELECT key FROM graphile_worker.jobs WHERE key = ANY($1) ORDER BY key`, [
      [`run:${dead.id}`, `run:${queued.id}`],
    ]);
    assert.deepEqual(jobs, [{ key: `run:${queued.id}` }]);
    assert.deepEqual(await failWorkerRuns(database.prisma, 'host:1', 'again'), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, type SweepInput, SweepscopeError } from '@sweepscope/core';
import { trainRunTask } from '../queue/index.js';
import { queryDatabase, useTestDatabase } from '../testing/index.js';
import { createSweep } from './create-sweep.js';

/** How many sweeps, runs and queued jobs the database holds. */
async function countRows(url: string): Promise<{ sweeps: number; runs: number; jobs: number }> {
  const [row] = await queryDatabase<{ sweeps: number; runs: number; jobs: number }>(
    url,
    `
    SELECT (SELECT count(*) FROM "Sweep")::int AS sweeps,
           (SELECT count(*) FROM "Run")::int AS runs,
           (SELECT count(*) FROM graphile_worker.jobs)::int AS jobs`,
  );
  assert.ok(row);
  return row;
}

describe('createSweep', () => {
  const database = useTestDatabase();

  it('stores the sweep with one queued run per cell, in the order given', async () => {
    const sweep = await createSweep(database.prisma, {
      input: { preset: 'smoke', cells: '8:0.1,16:0.01,32:0.001', epochs: 1, seed: 5 },
      createdBy: 'test',
    });
    assert.equal(sweep.createdBy, 'test');
    assert.equal(sweep.name, 'synthetic 8:0.1 16:0.01 32:0.001');
    assert.deepEqual(
      sweep.runs.map(({ batchSize, learningRate, status, seed, attempt }) => ({ batchSize, learningRate, status, seed, attempt })),
      [
        { batchSize: 8, learningRate: 0.1, status: 'queued', seed: 5, attempt: 1 },
        { batchSize: 16, learningRate: 0.01, status: 'queued', seed: 5, attempt: 1 },
        { batchSize: 32, learningRate: 0.001, status: 'queued', seed: 5, attempt: 1 },
      ],
    );
    const stored = await database.prisma.run.findMany({ where: { sweepId: sweep.id }, orderBy: { id: 'asc' } });
    assert.deepEqual(
      stored.map((run) => run.id),
      sweep.runs.map((run) => run.id),
    );
  });

  it('queues one train-run job per run, keyed by the run', async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.1' }, createdBy: 'test' });
    const keys = sweep.runs.map((run) => `run:${run.id}`);
    const jobs = await queryDatabase<{ task_identifier: string; key: string; max_attempts: number }>(
      database.url,
      `SELECT task_identifier, key, max_attempts FROM graphile_worker.jobs
        WHERE key IN (${keys.map((key) => `'${key}'`).join(',')}) ORDER BY id`,
    );
    assert.deepEqual(
      jobs,
      keys.map((key) => ({ task_identifier: trainRunTask, key, max_attempts: 25 })),
    );
  });

  it('trains each cell once per repeat, each repeat with its own recorded seed', async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.1', repeats: 3, seed: 7 }, createdBy: 'test' });
    assert.equal(sweep.repeats, 3);
    assert.deepEqual(
      sweep.runs.map(({ batchSize, repeat, seed }) => `${batchSize}#${repeat}@${seed}`),
      ['8#1@7', '16#1@7', '8#2@8', '16#2@8', '8#3@9', '16#3@9'],
    );
  });

  it('queues a grid coverage-first: corners, then centre, then between, every cell before any repeat', async () => {
    const sweep = await createSweep(database.prisma, {
      input: { preset: 'smoke', batchSizes: '8,16,32', learningRates: '0.001,0.01,0.1', repeats: 2, trainLimit: 64 },
      createdBy: 'test',
    });
    const cellOf = new Map(sweep.runs.map((run) => [`run:${run.id}`, `${run.batchSize}:${run.learningRate}#${run.repeat}`]));
    // The order in which workers take jobs: graphile-worker's own.
    const jobs = await queryDatabase<{ key: string }>(database.url, `SELECT key FROM graphile_worker.jobs WHERE key = ANY($1) ORDER BY priority, run_at`, [
      [...cellOf.keys()],
    ]);
    const order = jobs.map((job) => cellOf.get(job.key));
    assert.deepEqual(new Set(order.slice(0, 4)), new Set(['8:0.001#1', '8:0.1#1', '32:0.001#1', '32:0.1#1']));
    assert.equal(order[4], '16:0.01#1');
    assert.ok(order.slice(0, 9).every((cell) => cell?.endsWith('#1')));
    assert.deepEqual(
      order.slice(9),
      order.slice(0, 9).map((cell) => cell?.replace('#1', '#2')),
    );
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes no sweep, run or job', async () => {
    const cases: [SweepInput, string, RegExp][] = [
      [{ cells: '32:abc' }, 'cells', /^cells has learning rate "abc"/],
      [{ cells: '8:0.1', inputSize: 16 }, 'inputSize', /^inputSize is 16: expected a whole number from 32 to 1024\.$/],
      [{ cells: '8:0.1', dataset: 'cifar' }, 'dataset', /^dataset is "cifar": expected one of synthetic, fashion-mnist, images\.$/],
      [{ cells: '8:0.1', epochs: 0 }, 'epochs', /^epochs is 0: expected a whole number from 1 to 10000\.$/],
      [{ cells: `${2 ** 31}:0.1` }, 'cells', /^cells has batch size 2147483648/],
    ];
    const countsBefore = await countRows(database.url);
    for (const [input, field, message] of cases) {
      await assert.rejects(createSweep(database.prisma, { input, createdBy: 'test' }), (error: unknown) => {
        assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
        assert.equal(error.code, ErrorCode.BadUserInput);
        assert.deepEqual(error.field, [field]);
        assert.match(error.message, message);
        return true;
      });
    }
    assert.deepEqual(await countRows(database.url), countsBefore);
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { Run } from '../generated/prisma/client.js';
import { importResults } from '../imports/import-results.js';
import { createSweep } from '../sweeps/create-sweep.js';
import { useTestDatabase } from '../testing/index.js';
import { listRuns, runSortColumns, type ListRunsOptions, type RunSortColumn } from './list-runs.js';

const header = 'batch_size,learning_rate,repeat,epoch,loss,accuracy,val_loss,val_accuracy,duration_ms,images_per_second';
// 64×0.01's best epoch is not its last, so best and final validation accuracy sort apart; 32×0.1 has two repeats.
const table = [
  header,
  '32,0.1,1,1,1.5,0.5,1.6,0.45,1200,410',
  '32,0.1,1,2,0.9,0.7,1.1,0.6,1180,430',
  '32,0.1,2,1,1.4,0.55,1.5,0.5,1100,420',
  '64,0.01,1,1,1.2,0.6,1.3,0.8,900,800',
  '64,0.01,1,2,1.0,0.65,1.2,0.5,900,820',
  '128,0.001,1,1,2.2,0.2,2.3,0.15,,',
].join('\n');

describe('listRuns', () => {
  const database = useTestDatabase();
  let imported: number;
  let trained: number;
  let all: Run[];
  /** The final validation accuracy of each imported run, by id; trained runs have none. */
  const finalValAccuracy = new Map<number, number>();

  before(async () => {
    const prisma = database.prisma;
    const result = await importResults(prisma, { results: { format: 'csv', content: table }, importedFrom: 'api', sweep: { name: 'alpha study' } });
    imported = result.sweep.id;
    for (const run of result.runs) {
      const latest = await prisma.epoch.findUniqueOrThrow({ where: { id: run.latestEpochId ?? 0 } });
      finalValAccuracy.set(run.id, latest.valAccuracy);
    }
    const sweep = await createSweep(prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.2,16:0.01', name: 'beta study' }, createdBy: 'test' });
    trained = sweep.id;
    const [running, failed] = await prisma.run.findMany({ where: { sweepId: trained }, orderBy: { id: 'asc' } });
    assert.ok(running && failed);
    const now = Date.now();
    await prisma.run.update({
      where: { id: running.id },
      data: {
        status: 'running',
        worker: 'gpu-box:42',
        backend: 'tensorflow',
        startedAt: new Date(now - 60_000),
        tags: ['baseline', 'fig-3'],
        notes: '1000 steps',
      },
    });
    await prisma.run.update({
      where: { id: failed.id },
      data: {
        status: 'failed',
        worker: 'cpu-box:7',
        backend: 'wasm',
        startedAt: new Date(now - 3_600_000),
        finishedAt: new Date(now - 3_590_000),
        tags: ['fig-3'],
        notes: 'Out of memory at epoch 2, the GPU at 100%',
      },
    });
    all = await prisma.run.findMany({ orderBy: { id: 'asc' } });
  });

  const list = (options: Partial<ListRunsOptions>) => listRuns(database.prisma, { first: 100, ...options });
  const idsOf = async (options: Partial<ListRunsOptions>) => (await list(options)).runs.map((run) => run.id);
  /** The id of the cell's run (its first repeat). */
  const run = (batchSize: number, learningRate: number) => {
    const found = all.find((candidate) => candidate.batchSize === batchSize && candidate.learningRate === learningRate && candidate.repeat === 1);
    assert.ok(found, `no run ${batchSize}×${learningRate}`);
    return found.id;
  };

  it('lists every sweep’s runs, or one sweep’s, by id unless sorted, with how many match', async () => {
    const page = await list({});
    assert.deepEqual(
      page.runs.map((listed) => listed.id),
      all.map((stored) => stored.id),
    );
    assert.equal(page.totalCount, 7);
    assert.equal(page.hasNextPage, false);
    const one = await list({ sweepId: trained });
    assert.deepEqual(
      one.runs.map((listed) => listed.sweepId),
      [trained, trained, trained],
    );
    assert.equal(one.totalCount, 3);
  });

  it('keeps only runs of the statuses, batch sizes and learning rates asked for', async () => {
    assert.deepEqual(await idsOf({ statuses: ['running', 'failed'] }), [run(8, 0.1), run(16, 0.2)]);
    assert.deepEqual(await idsOf({ statuses: ['queued'] }), [run(16, 0.01)]);
    assert.deepEqual(await idsOf({ batchSizes: [16, 64] }), [run(64, 0.01), run(16, 0.2), run(16, 0.01)]);
    assert.deepEqual(await idsOf({ learningRates: [0.01] }), [run(64, 0.01), run(16, 0.01)]);
    assert.deepEqual(await idsOf({ sweepId: imported, statuses: ['running'] }), []);
  });

  it('keeps only runs with the tag asked for, and finds runs by a word of their tags or notes', async () => {
    assert.deepEqual(await idsOf({ tag: 'fig-3' }), [run(8, 0.1), run(16, 0.2)]);
    assert.deepEqual(await idsOf({ tag: 'baseline', statuses: ['running'] }), [run(8, 0.1)]);
    assert.deepEqual(await idsOf({ tag: 'fig' }), [], 'a tag filter is the whole tag');
    assert.deepEqual(await idsOf({ search: 'BASE' }), [run(8, 0.1)]);
    assert.deepEqual(await idsOf({ search: 'memory' }), [run(16, 0.2)]);
  });

  it('finds runs by sweep name, status, worker, backend, id and cell, every word matching', async () => {
    assert.deepEqual(await idsOf({ search: 'BETA' }), [run(8, 0.1), run(16, 0.2), run(16, 0.01)]);
    assert.deepEqual(await idsOf({ search: 'running' }), [run(8, 0.1)]);
    assert.deepEqual(await idsOf({ search: 'gpu-box' }), [run(8, 0.1)]);
    assert.deepEqual(await idsOf({ search: 'wasm' }), [run(16, 0.2)]);
    assert.deepEqual(await idsOf({ search: `#${run(32, 0.1)}` }), [run(32, 0.1)]);
    assert.deepEqual(await idsOf({ search: '64 × 0.01' }), [run(64, 0.01)]);
    assert.deepEqual(await idsOf({ search: '×0.01' }), [run(64, 0.01), run(16, 0.01)]);
    assert.deepEqual(await idsOf({ search: 'study 16×' }), [run(16, 0.2), run(16, 0.01)]);
    assert.deepEqual(await idsOf({ search: 'alpha failed' }), []);
    assert.deepEqual(await idsOf({ search: '100%' }), [run(16, 0.2)], 'a % is a character, not a wildcard: "1000 steps" does not match');
  });

  const now = Date.now();
  /** What each column sorts by, read from the stored rows: an independent account of the order. */
  const keyOf: Record<RunSortColumn, (row: Run) => number | string | null> = {
    id: (row) => row.id,
    sweep: (row) => (row.sweepId === imported ? 'alpha study' : 'beta study'),
    cell: (row) => row.batchSize * 1e6 + row.learningRate * 1e3 + row.repeat,
    batchSize: (row) => row.batchSize,
    learningRate: (row) => row.learningRate,
    repeat: (row) => row.repeat,
    status: (row) => ['queued', 'running', 'succeeded', 'failed'].indexOf(row.status),
    bestValAccuracy: (row) => row.bestValAccuracy,
    finalValAccuracy: (row) => finalValAccuracy.get(row.id) ?? null,
    finalLoss: (row) => row.lastLoss,
    epochsDone: (row) => row.epochsDone,
    imagesPerSecond: (row) => row.imagesPerSecond,
    duration: (row) => (row.startedAt === null ? null : (row.finishedAt?.getTime() ?? now) - row.startedAt.getTime()),
  };

  for (const column of runSortColumns) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorts by ${column}, ${direction}, runs without a value last and ties by id`, async () => {
        const key = keyOf[column];
        const expected = all.toSorted((a, b) => {
          const [x, y] = [key(a), key(b)];
          if (x === y) return a.id - b.id;
          if (x === null) return 1;
          if (y === null) return -1;
          return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
        });
        assert.deepEqual(
          await idsOf({ sort: { column, direction } }),
          expected.map((row) => row.id),
        );
      });
    }
  }

  it('pages through the sorted runs, each once, with hasNextPage until the last page', async () => {
    const sort = { column: 'bestValAccuracy', direction: 'desc' } as const;
    const whole = await idsOf({ sort });
    const pages = [];
    for (let offset = 0; offset < 7; offset += 4) pages.push(await list({ sort, first: 4, offset }));
    assert.deepEqual(
      pages.flatMap((page) => page.runs.map((listed) => listed.id)),
      whole,
    );
    assert.deepEqual(
      pages.map((page) => [page.hasNextPage, page.totalCount]),
      [
        [true, 7],
        [false, 7],
      ],
    );
  });

  it('refuses a sweep that does not exist with NOT_FOUND', async () => {
    for (const sweepId of [999_999, 2 ** 31]) {
      await assert.rejects(
        list({ sweepId }),
        (error) => error instanceof SweepscopeError && error.code === ErrorCode.NotFound && /sweepId/.test(error.message),
      );
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestDatabase } from '../testing/index.js';
import { createSweep } from './create-sweep.js';
import { listSweeps } from './list-sweeps.js';

describe('listSweeps', () => {
  const database = useTestDatabase();

  it('filters by tag, and by text in the name or notes ignoring case', async () => {
    const make = (name: string, tags: string[], notes: string) =>
      createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1', name, tags, notes }, createdBy: 'test' });
    const baseline = await make('Baseline BN', ['baseline', 'fig-3'], '');
    const wide = await make('wide grid', ['fig-3'], 'the BASELINE rerun');
    await make('other', ['base'], '');
    const ids = async (filter: { tag?: string; search?: string }) =>
      (await listSweeps(database.prisma, { first: 10, ...filter })).sweeps.map((sweep) => sweep.id);
    assert.deepEqual(await ids({ tag: 'fig-3' }), [wide.id, baseline.id]);
    assert.deepEqual(await ids({ tag: 'baseline' }), [baseline.id]);
    assert.deepEqual(await ids({ search: 'baseline' }), [wide.id, baseline.id]);
    assert.deepEqual(await ids({ tag: 'fig-3', search: 'bn' }), [baseline.id]);
    assert.equal((await listSweeps(database.prisma, { first: 1, tag: 'fig-3' })).totalCount, 2);
  });
});

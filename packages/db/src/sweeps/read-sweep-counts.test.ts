import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cancelRuns } from '../runs/cancel-runs.js';
import { useTestDatabase } from '../testing/index.js';
import { countOwnSweeps } from './count-own-sweeps.js';
import { createSweep } from './create-sweep.js';
import { ensureReferenceSweep } from './ensure-reference-sweep.js';
import { readSweepsWithQueuedRuns } from './read-sweeps-with-queued-runs.js';

describe('countOwnSweeps and readSweepsWithQueuedRuns', () => {
  const database = useTestDatabase();

  it('counts the sweeps people made, not the built-in reference study', async () => {
    await ensureReferenceSweep(database.prisma);
    assert.equal(await countOwnSweeps(database.prisma), 0);
    await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1' }, createdBy: 'test' });
    assert.equal(await countOwnSweeps(database.prisma), 1);
  });

  it('lists the other sweeps that still have a queued run', async () => {
    const create = () => createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1' }, createdBy: 'test' });
    const [bound, waiting, cancelled] = [await create(), await create(), await create()];
    await cancelRuns(database.prisma, cancelled.id);
    const found = await readSweepsWithQueuedRuns(database.prisma, bound.id);
    assert.ok(found.includes(waiting.id), `expected sweep ${waiting.id} among ${found.join(', ')}`);
    assert.ok(!found.includes(bound.id), 'the sweep asked from is left out');
    assert.ok(!found.includes(cancelled.id), 'a sweep with no queued run is left out');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planFromProbe } from './plan-from-probe.js';
import { proposeGrid } from './propose-grid.js';

const cell = { batchSize: 64, learningRate: 0.01 };
const measured = [
  { epoch: 1, noiseScale: null },
  { epoch: 2, noiseScale: 300 },
  { epoch: 3, noiseScale: 180 },
];

describe('planFromProbe', () => {
  it("builds the grid around the newest epoch's noise scale once the probe has ended", () => {
    const plan = planFromProbe({ probe: { ...cell, status: 'succeeded' }, epochs: measured.toReversed(), maxBatchSize: 2000 });
    assert.equal(plan.state, 'ready');
    assert.equal(plan.criticalBatchSize, 180);
    assert.equal(plan.epoch, 3);
    assert.deepEqual(plan.cells, proposeGrid({ criticalBatchSize: 180, probe: cell, maxBatchSize: 2000 }).cells);
    assert.equal(plan.cellsText?.split(',')[0], `${plan.cells[0]!.batchSize}:${plan.cells[0]!.learningRate}`);
    assert.match(plan.summary, /critical batch size of 180 images \(epoch 3\)/);
  });

  it('ends ready when stopped early, and keeps batch sizes within a GraphQL Int when the data size is not known', () => {
    assert.equal(planFromProbe({ probe: { ...cell, status: 'stopped_early' }, epochs: measured, maxBatchSize: 2000 }).state, 'ready');
    const huge = planFromProbe({ probe: { ...cell, status: 'succeeded' }, epochs: [{ epoch: 2, noiseScale: 1e12 }], maxBatchSize: null });
    assert.ok(huge.cells.every((each) => each.batchSize <= 2 ** 31 - 1));
  });

  it('is provisional while the probe trains on, and measuring before its first measurement', () => {
    assert.equal(planFromProbe({ probe: { ...cell, status: 'running' }, epochs: measured.slice(0, 2), maxBatchSize: null }).state, 'provisional');
    const waiting = planFromProbe({ probe: { ...cell, status: 'queued' }, epochs: [], maxBatchSize: null });
    assert.deepEqual([waiting.state, waiting.criticalBatchSize, waiting.cells], ['measuring', null, []]);
  });

  it('gives no grid for a probe that diverged, ended without a measurement, or never resolved one', () => {
    const diverged = planFromProbe({ probe: { ...cell, status: 'diverged' }, epochs: measured, maxBatchSize: 2000 });
    assert.deepEqual([diverged.state, diverged.cells], ['unresolved', []]);
    assert.match(diverged.summary, /diverged/);
    // Failed or cancelled part-way, even after a measurement: a retry finishes it.
    for (const status of ['cancelled', 'failed'] as const) {
      const ended = planFromProbe({ probe: { ...cell, status }, epochs: measured, maxBatchSize: 2000 });
      assert.deepEqual([ended.state, ended.cells, ended.cellsText], ['unresolved', [], null]);
      assert.match(ended.summary, new RegExp(`ended ${status} before it finished measuring`));
    }
    const unresolved = planFromProbe({ probe: { ...cell, status: 'succeeded' }, epochs: measured.slice(0, 1), maxBatchSize: 2000 });
    assert.match(unresolved.summary, /could not resolve/);
  });
});

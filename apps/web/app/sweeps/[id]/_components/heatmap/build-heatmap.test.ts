import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { EpochFields } from '@/graphql';

import type { LiveGrid, LiveRun } from '../live/apply-sweep-events';
import { buildHeatmap } from './build-heatmap';
import type { GridMetric } from '../grid/grid-metrics';
import { testEpoch } from '../test-sweep.fixture';

/** A succeeded one-epoch run whose epoch has these numbers, the rest from {@link testEpoch}. */
function testRun(id: string, numbers: Partial<EpochFields>): LiveRun {
  const epoch = { ...testEpoch(id, 1), ...numbers };
  return {
    id,
    sweepId: 's1',
    batchSize: 8,
    learningRate: 0.1,
    repeat: 1,
    status: 'SUCCEEDED',
    attempt: 1,
    backend: null,
    error: null,
    heartbeatAt: null,
    imagesPerSecond: null,
    instability: null,
    valAccuracies: [epoch.valAccuracy],
    latestEpoch: epoch,
  };
}

/** A one-row grid with one cell, of one run, per entry of `epochs`. */
function testGrid(...epochs: Partial<EpochFields>[]): LiveGrid {
  const learningRates = epochs.map((_, i) => 10 ** -(i + 1));
  return {
    batchSizes: [8],
    learningRates,
    cells: epochs.map((numbers, i) => ({ batchSize: 8, learningRate: learningRates[i]!, runs: [testRun(`r${i}`, numbers)] })),
  };
}

/** Each cell's fill, as the grid paints it. */
function fills(grid: LiveGrid, metric: GridMetric, chance?: number): string[] {
  const { summaries, scale } = buildHeatmap(grid, metric, 1, chance);
  return summaries.map((summary) => (summary.value === null ? 'none' : scale.colorOf(summary.value).fill));
}

describe('buildHeatmap', () => {
  it('paints 10.0 % and 10.7 % accuracy with 10 classes the same colour, at the dark end', () => {
    const grid = testGrid({ valAccuracy: 0.1 }, { valAccuracy: 0.107 }, { valAccuracy: 0.9 });
    const { scale } = buildHeatmap(grid, 'finalValAccuracy', 1, 1 / 10);
    assert.ok(scale.position(0.1) < 0.01 && scale.position(0.107) < 0.01, 'both are chance');
    const [chance, nearChance, good] = fills(grid, 'finalValAccuracy', 1 / 10);
    assert.equal(nearChance, chance);
    assert.notEqual(good, chance);
  });

  it('paints 10.0 % and 10.7 % accuracy nearly the same colour even when chance is not known', () => {
    const { scale } = buildHeatmap(testGrid({ valAccuracy: 0.1 }, { valAccuracy: 0.107 }), 'bestValAccuracy', 1);
    assert.ok(scale.position(0.107) - scale.position(0.1) < 0.01);
    assert.ok(scale.position(0.107) < 0.15, 'near the dark end');
  });

  it('paints an accuracy below chance as chance', () => {
    const { scale } = buildHeatmap(testGrid({ valAccuracy: 0.04 }), 'finalValAccuracy', 1, 1 / 10);
    assert.equal(scale.position(0.04), 0);
  });

  it('paints a 25.0–25.0 % range one colour, placed by its value rather than the middle of a gradient', () => {
    const grid = testGrid({ valAccuracy: 0.25 }, { valAccuracy: 0.25 }, { valAccuracy: 0.25 });
    assert.equal(new Set(fills(grid, 'finalValAccuracy', 1 / 10)).size, 1);
    const { scale } = buildHeatmap(grid, 'finalValAccuracy', 1, 1 / 10);
    assert.ok(Math.abs(scale.position(0.25) - 0.15 / 0.9) < 1e-12);
  });

  it('paints a constant loss or gap one colour', () => {
    assert.equal(new Set(fills(testGrid({ valLoss: 0.7 }, { valLoss: 0.7 }), 'finalValLoss')).size, 1);
    const gap = { accuracy: 0.8, valAccuracy: 0.75 };
    assert.equal(new Set(fills(testGrid(gap, gap), 'accuracyGap')).size, 1);
  });

  it('colours loss on a log scale at least a decade wide, so 0.50 and 0.51 look alike and lower is brighter', () => {
    const { scale } = buildHeatmap(testGrid({ valLoss: 0.5 }, { valLoss: 0.51 }), 'finalValLoss', 1);
    assert.ok(scale.domain !== null && scale.domain.log);
    assert.ok(scale.domain.max / scale.domain.min >= 10 - 1e-9, `spans ×${scale.domain.max / scale.domain.min}`);
    assert.ok(scale.position(0.5) > scale.position(0.51), 'the lower loss is the better');
    assert.ok(scale.position(0.5) - scale.position(0.51) < 0.02);
    const middle = Math.sqrt(scale.domain.min * scale.domain.max);
    assert.ok(Math.abs(scale.position(middle) - 0.5) < 1e-12, 'the geometric middle is the middle colour');
  });

  it('does not stretch a gap of a tenth of a point across the gradient', () => {
    const { scale } = buildHeatmap(testGrid({ accuracy: 0.82, valAccuracy: 0.8 }, { accuracy: 0.821, valAccuracy: 0.8 }), 'accuracyGap', 1);
    assert.ok(Math.abs(scale.position(0.02) - scale.position(0.021)) < 0.05);
  });

  it('has no domain while no cell has a value', () => {
    const grid: LiveGrid = { batchSizes: [8], learningRates: [0.1], cells: [{ batchSize: 8, learningRate: 0.1, runs: [] }] };
    assert.equal(buildHeatmap(grid, 'finalValAccuracy', 1, 0.1).scale.domain, null);
  });
});

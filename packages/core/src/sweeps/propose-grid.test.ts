import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { predictLearningRate, proposeGrid } from './propose-grid.js';

describe('proposeGrid', () => {
  it('spans B_crit / 8 to 2 B_crit in powers of two, each with the predicted best learning rate and half a decade either side', () => {
    const { maxLearningRate, cells } = proposeGrid({ criticalBatchSize: 256, probe: { batchSize: 64, learningRate: 0.01 }, maxBatchSize: 60_000 });
    // Through the probe: 0.01 at batch 64 means ε_max = 0.01 × (1 + 256 / 64) = 0.05.
    assert.ok(Math.abs(maxLearningRate - 0.05) < 1e-12);
    assert.deepEqual([...new Set(cells.map((cell) => cell.batchSize))], [32, 64, 128, 256, 512]);
    const at64 = cells.filter((cell) => cell.batchSize === 64).map((cell) => cell.learningRate);
    assert.deepEqual(at64, [0.0032, 0.01, 0.032]);
    assert.equal(
      cells.find((cell) => cell.batchSize === 512 && cell.learningRate === Number(predictLearningRate(0.05, 256, 512).toPrecision(2)))?.batchSize,
      512,
    );
  });

  it('keeps the batch sizes between 8 and the training images, and below the whole set when B_crit is past it', () => {
    const small = proposeGrid({ criticalBatchSize: 20, probe: { batchSize: 16, learningRate: 0.1 }, maxBatchSize: 60_000 });
    assert.deepEqual([...new Set(small.cells.map((cell) => cell.batchSize))], [8, 16, 32]);
    const capped = proposeGrid({ criticalBatchSize: 5_000, probe: { batchSize: 64, learningRate: 0.1 }, maxBatchSize: 2_000 });
    assert.deepEqual([...new Set(capped.cells.map((cell) => cell.batchSize))], [256, 512, 1024, 2000]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildFrontierPath } from './build-frontier-path';

describe('buildFrontierPath', () => {
  const batchSizes = [32, 64, 128];
  const learningRates = [0.01, 0.1, 1];

  it('draws a staircase on the borders between the last stable and the first diverged cells', () => {
    const path = buildFrontierPath(
      [
        { batchSize: 32, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 1 },
        { batchSize: 64, largestStableLearningRate: 0.01, smallestUnstableLearningRate: 0.1 },
      ],
      batchSizes,
      learningRates,
    );
    assert.deepEqual(path.lines, [
      [
        { col: 1.5, row: -0.5 },
        { col: 1.5, row: 0.5 },
        { col: 0.5, row: 0.5 },
        { col: 0.5, row: 1.5 },
      ],
    ]);
  });

  it('puts the boundary left of the first diverged cell when none is stable, and flags a mixed row', () => {
    const path = buildFrontierPath(
      [
        { batchSize: 32, largestStableLearningRate: null, smallestUnstableLearningRate: 0.1 },
        { batchSize: 128, largestStableLearningRate: 1, smallestUnstableLearningRate: 0.01 },
      ],
      batchSizes,
      learningRates,
    );
    assert.deepEqual(path.steps, [
      { row: 0, col: 0.5, mixed: false },
      { row: 2, col: -0.5, mixed: true },
    ]);
    // Rows 0 and 2 are not neighbours: two separate pieces.
    assert.equal(path.lines.length, 2);
  });

  it('draws no boundary for a row where nothing diverged', () => {
    const path = buildFrontierPath([{ batchSize: 32, largestStableLearningRate: 1, smallestUnstableLearningRate: null }], batchSizes, learningRates);
    assert.deepEqual(path.lines, []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { RunStatus } from '@/graphql';

import { buildFrontierPath, findStabilityFrontier, type FrontierCell } from './stability-frontier';

const cell = (batchSize: number, learningRate: number, ...statuses: RunStatus[]): FrontierCell => ({ batchSize, learningRate, statuses });

describe('findStabilityFrontier', () => {
  it('finds per batch size the largest stable and the smallest diverged learning rate', () => {
    const limits = findStabilityFrontier([
      cell(32, 0.01, 'SUCCEEDED'),
      cell(32, 0.1, 'SUCCEEDED'),
      cell(32, 1, 'DIVERGED'),
      cell(64, 0.01, 'SUCCEEDED'),
      cell(64, 0.1, 'SUCCEEDED', 'DIVERGED'),
      cell(64, 1, 'DIVERGED'),
    ]);
    assert.deepEqual(limits, [
      { batchSize: 32, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 1 },
      { batchSize: 64, largestStableLearningRate: 0.01, smallestUnstableLearningRate: 0.1 },
    ]);
  });

  it('leaves out batch sizes where nothing succeeded or diverged yet', () => {
    assert.deepEqual(findStabilityFrontier([cell(8, 0.1, 'RUNNING'), cell(16, 0.1, 'QUEUED', 'FAILED'), cell(32, 0.1)]), []);
  });

  it('counts a run stopped early as stable, like a succeeded one', () => {
    assert.deepEqual(findStabilityFrontier([cell(32, 0.01, 'SUCCEEDED'), cell(32, 0.1, 'STOPPED_EARLY'), cell(32, 1, 'DIVERGED')]), [
      { batchSize: 32, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 1 },
    ]);
  });

  it('takes nothing from a pruned run: neither stable nor diverged', () => {
    assert.deepEqual(findStabilityFrontier([cell(32, 0.01, 'SUCCEEDED'), cell(32, 0.1, 'PRUNED'), cell(64, 0.1, 'PRUNED', 'PRUNED')]), [
      { batchSize: 32, largestStableLearningRate: 0.01, smallestUnstableLearningRate: null },
    ]);
  });

  it('keeps a cell unstable when a repeat diverged beside a stopped-early or pruned one', () => {
    assert.deepEqual(findStabilityFrontier([cell(32, 0.1, 'STOPPED_EARLY', 'DIVERGED'), cell(32, 0.01, 'PRUNED', 'SUCCEEDED')]), [
      { batchSize: 32, largestStableLearningRate: 0.01, smallestUnstableLearningRate: 0.1 },
    ]);
  });

  it('puts the limit below a cell whose run trained to its end without learning, as the API does', () => {
    const limits = findStabilityFrontier([cell(128, 0.1, 'SUCCEEDED'), { ...cell(128, 1, 'SUCCEEDED'), unstable: true }, cell(128, 10, 'DIVERGED')]);
    assert.deepEqual(limits, [{ batchSize: 128, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 1 }]);
  });
});

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

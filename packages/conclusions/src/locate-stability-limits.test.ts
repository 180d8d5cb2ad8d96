import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunStatus } from '@sweepscope/core';
import { locateStabilityLimits, type StabilityCell } from './locate-stability-limits.js';

const cell = (batchSize: number, learningRate: number, ...statuses: RunStatus[]): StabilityCell => ({ batchSize, learningRate, statuses, unstable: false });

describe('locateStabilityLimits', () => {
  it('finds per batch size the largest stable and the smallest diverged learning rate', () => {
    const limits = locateStabilityLimits([
      cell(32, 0.01, 'succeeded'),
      cell(32, 0.1, 'succeeded'),
      cell(32, 1, 'diverged'),
      cell(64, 0.01, 'succeeded'),
      cell(64, 0.1, 'succeeded', 'diverged'),
      cell(64, 1, 'diverged'),
    ]);
    assert.deepEqual(limits, [
      { batchSize: 32, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 1 },
      { batchSize: 64, largestStableLearningRate: 0.01, smallestUnstableLearningRate: 0.1 },
    ]);
  });

  it('leaves out batch sizes where nothing succeeded or diverged yet', () => {
    assert.deepEqual(locateStabilityLimits([cell(8, 0.1, 'running'), cell(16, 0.1, 'queued', 'failed'), cell(32, 0.1)]), []);
  });

  it('counts a run stopped early as stable, like a succeeded one', () => {
    assert.deepEqual(locateStabilityLimits([cell(32, 0.01, 'succeeded'), cell(32, 0.1, 'stopped_early'), cell(32, 1, 'diverged')]), [
      { batchSize: 32, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 1 },
    ]);
  });

  it('takes nothing from a pruned run: neither stable nor diverged', () => {
    assert.deepEqual(locateStabilityLimits([cell(32, 0.01, 'succeeded'), cell(32, 0.1, 'pruned'), cell(64, 0.1, 'pruned', 'pruned')]), [
      { batchSize: 32, largestStableLearningRate: 0.01, smallestUnstableLearningRate: null },
    ]);
  });

  it('keeps a cell unstable when a repeat diverged beside a stopped-early or pruned one', () => {
    assert.deepEqual(locateStabilityLimits([cell(32, 0.1, 'stopped_early', 'diverged'), cell(32, 0.01, 'pruned', 'succeeded')]), [
      { batchSize: 32, largestStableLearningRate: 0.01, smallestUnstableLearningRate: 0.1 },
    ]);
  });

  it('puts the limit below a cell whose run trained to its end without learning, as divergence does', () => {
    const limits = locateStabilityLimits([cell(128, 0.1, 'succeeded'), { ...cell(128, 1, 'succeeded'), unstable: true }, cell(128, 10, 'diverged')]);
    assert.deepEqual(limits, [{ batchSize: 128, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 1 }]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSweep, type RunSketch } from './build-sweep.fixture.js';
import { findStabilityFrontier } from './find-stability-frontier.js';
import { summarizeCells } from './summarize-cells.js';

function ok(batchSize: number, learningRate: number): RunSketch {
  return { batchSize, learningRate, valAccuracies: [0.5] };
}

function diverged(batchSize: number, learningRate: number): RunSketch {
  return { batchSize, learningRate, status: 'diverged', error: 'loss is NaN', valAccuracies: [Number.NaN] };
}

function frontier(sketches: RunSketch[]) {
  return findStabilityFrontier(summarizeCells(buildSweep(sketches)));
}

describe('findStabilityFrontier', () => {
  it('finds the largest stable and smallest diverged learning rate per batch size, and that the limit grows with the batch', () => {
    const { result, findings } = frontier([ok(32, 0.1), diverged(32, 0.4), ok(128, 0.1), ok(128, 0.4), diverged(128, 1.6)]);
    assert.deepEqual(result.points, [
      { batchSize: 32, largestStableLearningRate: 0.1, smallestDivergedLearningRate: 0.4 },
      { batchSize: 128, largestStableLearningRate: 0.4, smallestDivergedLearningRate: 1.6 },
    ]);
    assert.equal(result.trend, 'grows');
    assert.equal(findings[0]?.text, 'At batch 32, the largest learning rate that trained without diverging is 0.1, and the smallest that diverged is 0.4.');
    assert.equal(findings.at(-1)?.text, 'The largest stable learning rate grows with batch size: 0.1 at batch 32 and 0.4 at batch 128.');
  });

  it('takes the smallest of several diverged learning rates as the limit', () => {
    const { result } = frontier([ok(32, 0.05), diverged(32, 0.2), diverged(32, 0.8)]);
    assert.deepEqual(result.points[0], { batchSize: 32, largestStableLearningRate: 0.05, smallestDivergedLearningRate: 0.2 });
  });

  it('counts a cell with any diverged repeat as diverged, not stable', () => {
    const { result } = frontier([ok(32, 0.1), ok(32, 0.4), { ...diverged(32, 0.4), repeat: 2 }]);
    assert.deepEqual(result.points[0], { batchSize: 32, largestStableLearningRate: 0.1, smallestDivergedLearningRate: 0.4 });
  });

  it('says the trend cannot be seen when nothing diverged, since the grid never reaches the limit', () => {
    const { result, findings } = frontier([ok(32, 0.1), ok(128, 0.4)]);
    assert.equal(result.trend, 'unknown');
    assert.match(findings.at(-1)?.text ?? '', /^No run diverged, so the grid never reaches the stability limit/);
    assert.match(findings[0]?.text ?? '', /none diverged, so the limit lies above the grid here\.$/);
  });

  it('calls a limit that falls as the batch grows shrinking, and marks an open limit as a lower bound', () => {
    const { result, findings } = frontier([ok(32, 0.4), ok(64, 0.1), diverged(64, 0.4)]);
    assert.equal(result.trend, 'shrinks');
    assert.match(findings.at(-1)?.text ?? '', /shrinks as the batch grows: 0.4 at batch 32 and 0.1 at batch 64; at batch 32 none diverged, so there it is only a lower bound\.$/);
  });

  it('leaves failed runs out: a crash says nothing about stability', () => {
    const { result } = frontier([ok(32, 0.1), { batchSize: 32, learningRate: 0.4, status: 'failed', error: 'out of memory' }]);
    assert.deepEqual(result.points[0], { batchSize: 32, largestStableLearningRate: 0.1, smallestDivergedLearningRate: null });
  });
});

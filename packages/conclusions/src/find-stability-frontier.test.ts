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
      { batchSize: 32, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 0.4 },
      { batchSize: 128, largestStableLearningRate: 0.4, smallestUnstableLearningRate: 1.6 },
    ]);
    assert.equal(result.trend, 'grows');
    assert.equal(
      findings[0]?.text,
      'At batch 32, the largest learning rate that trained stably is 0.1, and the smallest that diverged or was unstable is 0.4.',
    );
    assert.equal(findings.at(-1)?.text, 'The largest stable learning rate grows with batch size: 0.1 at batch 32 and 0.4 at batch 128.');
  });

  it('takes the smallest of several diverged learning rates as the limit', () => {
    const { result } = frontier([ok(32, 0.05), diverged(32, 0.2), diverged(32, 0.8)]);
    assert.deepEqual(result.points[0], { batchSize: 32, largestStableLearningRate: 0.05, smallestUnstableLearningRate: 0.2 });
  });

  it('counts a cell with any diverged repeat as diverged, not stable', () => {
    const { result } = frontier([ok(32, 0.1), ok(32, 0.4), { ...diverged(32, 0.4), repeat: 2 }]);
    assert.deepEqual(result.points[0], { batchSize: 32, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 0.4 });
  });

  it('says the trend cannot be seen when nothing diverged, since the grid never reaches the limit', () => {
    const { result, findings } = frontier([ok(32, 0.1), ok(128, 0.4)]);
    assert.equal(result.trend, 'unknown');
    assert.match(findings.at(-1)?.text ?? '', /^No run diverged or was unstable, so the grid never reaches the stability limit/);
    assert.match(findings[0]?.text ?? '', /none diverged or was unstable, so the limit lies above the grid here\.$/);
  });

  it('calls a limit that falls as the batch grows shrinking, and marks an open limit as a lower bound', () => {
    const { result, findings } = frontier([ok(32, 0.4), ok(64, 0.1), diverged(64, 0.4)]);
    assert.equal(result.trend, 'shrinks');
    assert.match(
      findings.at(-1)?.text ?? '',
      /shrinks as the batch grows: 0.4 at batch 32 and 0.1 at batch 64; at batch 32 none diverged or was unstable, so there it is only a lower bound\.$/,
    );
  });

  it('leaves failed runs out: a crash says nothing about stability', () => {
    const { result } = frontier([ok(32, 0.1), { batchSize: 32, learningRate: 0.4, status: 'failed', error: 'out of memory' }]);
    assert.deepEqual(result.points[0], { batchSize: 32, largestStableLearningRate: 0.1, smallestUnstableLearningRate: null });
  });

  it('puts the limit below a recorded success whose loss exploded or that never left chance', () => {
    const data = { classes: 10, valImages: 1000, divergenceFactor: 10 };
    const exploded = (learningRate: number): RunSketch => ({
      batchSize: 32,
      learningRate,
      epochs: [{ epoch: 1, loss: 8283, accuracy: 0.1, valLoss: 9888, valAccuracy: 0.31 }],
    });
    const atChance = (learningRate: number): RunSketch => ({ batchSize: 64, learningRate, valAccuracies: [0.1, 0.11] });
    const cells = summarizeCells(buildSweep([ok(32, 0.1), ok(32, 1), exploded(10), ok(64, 0.1), atChance(1), atChance(10)], { data }));
    const { result, findings } = findStabilityFrontier(cells);
    assert.deepEqual(result.points, [
      { batchSize: 32, largestStableLearningRate: 1, smallestUnstableLearningRate: 10 },
      { batchSize: 64, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 1 },
    ]);
    assert.equal(result.trend, 'shrinks');
    assert.equal(findings[0]?.text, 'At batch 32, the largest learning rate that trained stably is 1, and the smallest that diverged or was unstable is 10.');
  });
});

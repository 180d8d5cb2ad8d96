import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referenceStudy } from '@sweepscope/db/sweeps';
import { buildSweep } from './build-sweep.fixture.js';
import { drawConclusions } from './draw-conclusions.js';

describe('drawConclusions', () => {
  it('draws the reference table’s own conclusions: its best cell, its never-run cells and a grid too coarse for a slope verdict', () => {
    const sweep = buildSweep(
      referenceStudy.rows.map(({ batchSize, learningRate, epoch, loss, accuracy, valLoss, valAccuracy }) => ({
        batchSize,
        learningRate,
        epochs: [{ epoch, loss, accuracy, valLoss, valAccuracy }],
      })),
      { plannedEpochs: 50 },
    );
    const conclusions = drawConclusions(sweep);
    assert.deepEqual(conclusions.bestCell, { batchSize: 32, learningRate: 0.1, value: 0.8382, repeats: 1, rank: 1 });
    assert.equal(conclusions.neverRunCells.length, 4);
    assert.equal(conclusions.scaling.slope, 0);
    assert.equal(conclusions.scaling.resolvesRules, false);
    assert.equal(conclusions.reference?.spearmanRho, 1);
    assert.equal(conclusions.repeats.testable, false);
  });

  it('keeps every number finite and every sentence non-empty, even with a diverged run full of NaN', () => {
    const conclusions = drawConclusions(
      buildSweep([
        { batchSize: 32, learningRate: 0.05, repeat: 1, valAccuracies: [0.3, 0.6, 0.5] },
        { batchSize: 32, learningRate: 0.05, repeat: 2, valAccuracies: [0.35, 0.65, 0.55] },
        { batchSize: 32, learningRate: 0.5, status: 'diverged', error: 'loss is NaN', valAccuracies: [0.1, Number.NaN] },
        { batchSize: 64, learningRate: 0.05, valAccuracies: [0.2, 0.4, 0.45] },
        { batchSize: 64, learningRate: 0.05, repeat: 2, status: 'queued' },
        { batchSize: 64, learningRate: 0.5, valAccuracies: [0.2, 0.5, 0.6] },
      ]),
    );
    const topics = new Set(conclusions.findings.map((finding) => finding.topic));
    assert.deepEqual([...topics].sort(), ['coverage', 'failures', 'learning-rate', 'overfitting', 'ranking', 'repeats', 'scaling', 'speed', 'stability']);
    for (const finding of conclusions.findings) {
      assert.ok(finding.text.length > 0 && /^[A-Z0-9]/.test(finding.text) && finding.text.endsWith('.'), `sentence: ${finding.text}`);
      for (const number of finding.numbers) assert.ok(Number.isFinite(number.value), `${number.label} is ${number.value} in: ${finding.text}`);
    }
    assert.deepEqual(conclusions.frontier.points.map((point) => [point.batchSize, point.largestStableLearningRate, point.smallestDivergedLearningRate]), [
      [32, 0.05, 0.5],
      [64, 0.5, null],
    ]);
    assert.equal(conclusions.reference, null);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSweep, type RunSketch } from './build-sweep.fixture.js';
import { findBestLearningRates } from './find-best-learning-rates.js';
import { fitLearningRateScaling } from './fit-learning-rate-scaling.js';
import { summarizeCells } from './summarize-cells.js';

// A grid whose best learning rate at each batch size is known: accuracy peaks at `best(batchSize)`
// and falls by 0.1 per grid step away from it.
function peakedGrid(batchSizes: number[], learningRates: number[], best: (batchSize: number) => number): RunSketch[] {
  return batchSizes.flatMap((batchSize) =>
    learningRates.map((learningRate) => ({
      batchSize,
      learningRate,
      valAccuracies: [0.9 - 0.1 * Math.abs(Math.log2(learningRate / best(batchSize)))],
    })),
  );
}

function fit(sketches: RunSketch[]) {
  const cells = summarizeCells(buildSweep(sketches));
  return { best: findBestLearningRates(cells), scaling: fitLearningRateScaling(findBestLearningRates(cells).result) };
}

const doublings = [0.0125, 0.025, 0.05, 0.1, 0.2, 0.4, 0.8];

describe('findBestLearningRates', () => {
  it('picks the learning rate of the highest final accuracy at each batch size and says when it is at the edge', () => {
    const { best } = fit([
      { batchSize: 32, learningRate: 0.01, valAccuracies: [0.6] },
      { batchSize: 32, learningRate: 0.1, valAccuracies: [0.8] },
      { batchSize: 64, learningRate: 0.01, valAccuracies: [0.5] },
      { batchSize: 64, learningRate: 0.1, valAccuracies: [0.7] },
      { batchSize: 64, learningRate: 1, status: 'diverged', valAccuracies: [Number.NaN] },
    ]);
    assert.deepEqual(
      best.result.map((entry) => [entry.batchSize, entry.learningRates, entry.edge]),
      [
        [32, [0.1], 'highest'],
        [64, [0.1], null],
      ],
    );
    assert.equal(
      best.findings[0]?.text,
      'At batch 32, the best learning rate is 0.1 (final validation accuracy 80.0%, against 60.0% for the runner-up, 0.01; 2 learning rates tried); it is the highest tried, so the optimum may lie above the grid.',
    );
    assert.match(
      best.findings[1]?.text ?? '',
      /against 50.0% for the runner-up, 0.01 and one other that diverged, was unstable or was pruned; 3 learning rates tried\)\.$/,
    );
  });
});

describe('fitLearningRateScaling', () => {
  it('gives slope 1, the Linear Scaling Rule, when the best learning rate is proportional to batch size', () => {
    const { scaling } = fit(peakedGrid([32, 64, 128, 256], doublings, (batchSize) => (0.1 * batchSize) / 64));
    assert.ok(Math.abs(scaling.result.slope! - 1) < 1e-12, `slope ${scaling.result.slope}`);
    assert.equal(scaling.result.closerTo, 'linear');
    assert.ok(scaling.result.slopeStandardError! < 1e-12, `standard error ${scaling.result.slopeStandardError}`);
    assert.match(
      scaling.findings[0]?.text ?? '',
      /^Across 4 batch sizes \(32 to 256\), .* is 1.00 ± 0.00 \(standard error\); .* closer to the Linear Scaling Rule\.$/,
    );
  });

  it('gives slope 0.5 when the best learning rate grows with the square root of batch size', () => {
    const { scaling } = fit(peakedGrid([16, 64, 256], doublings, (batchSize) => 0.1 * Math.sqrt(batchSize / 64)));
    assert.ok(Math.abs(scaling.result.slope! - 0.5) < 1e-12, `slope ${scaling.result.slope}`);
    assert.equal(scaling.result.closerTo, 'square-root');
  });

  it('measures the resolution as one learning-rate step across the batch range, and says a coarse grid cannot tell the rules apart', () => {
    const { scaling } = fit([
      { batchSize: 32, learningRate: 0.001, valAccuracies: [0.69] },
      { batchSize: 32, learningRate: 0.1, valAccuracies: [0.84] },
      { batchSize: 128, learningRate: 0.001, valAccuracies: [0.22] },
      { batchSize: 128, learningRate: 0.1, valAccuracies: [0.45] },
    ]);
    assert.equal(scaling.result.slope, 0);
    assert.ok(Math.abs(scaling.result.slopeStep! - Math.log(100) / Math.log(4)) < 1e-12, `step ${scaling.result.slopeStep}`);
    assert.equal(scaling.result.resolvesRules, false);
    assert.match(
      scaling.findings[1]?.text ?? '',
      /steps of 3.32: one learning-rate step \(×100.0\) across the batch range \(×4.0\); .* cannot tell them apart/,
    );
    assert.match(scaling.findings[2]?.text ?? '', /At 2 of the 2 batch sizes \(batch 32 and batch 128\) the best learning rate is at the edge/);
  });

  it('calls a grid of doublings over a ×4 batch range fine enough to tell the rules apart', () => {
    const { scaling } = fit(peakedGrid([32, 128], doublings, (batchSize) => (0.1 * batchSize) / 64));
    assert.equal(scaling.result.slopeStep, 0.5);
    assert.equal(scaling.result.resolvesRules, true);
  });

  it('says the grid cannot show a trend with only one batch size of two or more learning rates, rather than fit one', () => {
    const { scaling } = fit([
      { batchSize: 32, learningRate: 0.01, valAccuracies: [0.6] },
      { batchSize: 32, learningRate: 0.1, valAccuracies: [0.8] },
      { batchSize: 64, learningRate: 0.01, valAccuracies: [0.7] },
    ]);
    assert.equal(scaling.result.slope, null);
    assert.deepEqual(
      scaling.result.points.map((point) => point.batchSize),
      [32],
    );
    assert.match(scaling.findings[0]?.text ?? '', /^The grid cannot show how the best learning rate scales .* and it has 1\.$/);
  });
});

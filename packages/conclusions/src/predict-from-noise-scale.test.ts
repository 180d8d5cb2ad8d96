import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunStatus } from '@sweepscope/core';
import type { RunResult } from './conclusions-input.js';
import type { LearningRateScaling } from './fit-learning-rate-scaling.js';
import { predictFromNoiseScale } from './predict-from-noise-scale.js';

function run(id: number, status: RunStatus, noiseScales: (number | null | undefined)[], learningRate = 0.1): RunResult {
  return {
    id,
    batchSize: 32,
    learningRate,
    repeat: 1,
    status,
    error: null,
    epochs: noiseScales.map((noiseScale, index) => ({ epoch: index + 1, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, noiseScale })),
  };
}

/** A grid of decades whose best learning rates are these, one per batch size. */
function scalingOf(points: [number, number][]): LearningRateScaling {
  return {
    points: points.map(([batchSize, learningRate]) => ({ batchSize, learningRate, edge: null })),
    slope: null,
    slopeStandardError: null,
    gridLogStep: Math.log(10),
    batchLogRange: null,
    slopeStep: null,
    resolvesRules: false,
    closerTo: null,
  };
}

// B_crit = 64: the predicted curve is ε_max / (1 + 64 / B).
const runs = [run(1, 'succeeded', [40, 60, 80]), run(2, 'succeeded', [null, 64, 70]), run(3, 'diverged', [5000]), run(4, 'failed', [1])];
const curve = (batchSize: number, max: number) => max / (1 + 64 / batchSize);

describe('predictFromNoiseScale', () => {
  it('says nothing when no run measured the noise scale', () => {
    assert.deepEqual(predictFromNoiseScale([run(1, 'succeeded', [undefined, null])], [], scalingOf([[32, 0.1]])), { result: null, findings: [] });
  });

  it("takes the median of the runs' medians as the critical batch size, leaving out runs that diverged or failed, with the spread across runs and epochs", () => {
    const { result } = predictFromNoiseScale(runs, [], scalingOf([]));
    // Run medians 60 and 67: their median 63.5. Epochs 40, 60, 64, 70, 80: quartiles 60 and 70.
    assert.deepEqual(result?.criticalBatchSize, {
      value: 63.5,
      runsLow: 60,
      runsHigh: 67,
      epochsLow: 60,
      epochsHigh: 70,
      runs: 2,
      epochs: 5,
      fromBestRuns: false,
    });
    assert.deepEqual([result?.maxLearningRate, result?.points, result?.agrees], [null, [], null]);
  });

  it("measures on the runs of each batch size's best learning rate when there is one", () => {
    const mixed = [run(1, 'succeeded', [100]), run(2, 'succeeded', [5000], 0.001)];
    const best = [{ batchSize: 32, learningRates: [0.1], valAccuracy: 0.8, triedLearningRates: [0.001, 0.1], edge: 'highest' as const }];
    assert.equal(predictFromNoiseScale(mixed, best, scalingOf([])).result?.criticalBatchSize.value, 100);
    assert.equal(predictFromNoiseScale(mixed, [], scalingOf([])).result?.criticalBatchSize.value, 2550);
    // A best run that measured nothing (imported without it) leaves the others to measure.
    const unmeasuredBest = [run(1, 'succeeded', [null]), run(2, 'succeeded', [5000], 0.001)];
    const { result, findings } = predictFromNoiseScale(unmeasuredBest, best, scalingOf([]));
    assert.deepEqual([result?.criticalBatchSize.value, result?.criticalBatchSize.fromBestRuns], [5000, false]);
    assert.match(findings[0]?.text ?? '', /^The gradient noise scale measured while the runs trained/);
  });

  it('fits ε_max to a grid that follows the curve, and finds every batch size on it', () => {
    const exact = [run(1, 'succeeded', [64])];
    const { result, findings } = predictFromNoiseScale(exact, [], scalingOf([32, 64, 256].map((batchSize) => [batchSize, curve(batchSize, 0.5)])));
    assert.ok(Math.abs((result?.maxLearningRate ?? 0) - 0.5) < 1e-12);
    for (const point of result?.points ?? []) assert.ok(Math.abs(point.gridSteps) < 1e-12);
    // ×(0.5/1.25)/(0.5/3) = 2.4 over a ×8 batch range.
    assert.ok(Math.abs((result?.predictedSlope ?? 0) - Math.log(2.4) / Math.log(8)) < 1e-12);
    assert.equal(result?.agrees, true);
    assert.match(
      findings[0]?.text ?? '',
      /critical batch size at about 64 images .* changes ×2\.40, a log–log slope of 0\.42, flatter than square-root scaling's 0\.5.*within one grid step \(×10\.0\).*agrees/,
    );
  });

  it('names the batch sizes whose best learning rate lies more than one grid step off the curve', () => {
    const { result, findings } = predictFromNoiseScale(
      [run(1, 'succeeded', [64])],
      [],
      scalingOf([
        [32, 0.01],
        [64, 0.01],
        [128, 10],
      ]),
    );
    assert.equal(result?.agrees, false);
    assert.match(
      findings[0]?.text ?? '',
      /slope of 0\.50, nearer square-root scaling's 0\.5 than the Linear Scaling Rule's 1\. .*more than one grid step \(×10\.0\) off that curve at batch 64 \(-1\.0 steps\), batch 128 \(1\.9 steps\), so the grid disagrees/,
    );
    assert.ok((result?.points.find((point) => point.batchSize === 128)?.gridSteps ?? 0) > 1);
  });
});

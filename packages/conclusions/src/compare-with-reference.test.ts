import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referenceStudy } from '@sweepscope/core';
import { buildSweep, type RunSketch } from './build-sweep.fixture.js';
import { compareWithReference } from './compare-with-reference.js';
import type { StudyProtocol } from './list-protocol-differences.js';
import { summarizeCells } from './summarize-cells.js';

// The reference's table as a sweep: one run per row holding only its 50th epoch, as an import would.
const referenceAsSweep: RunSketch[] = referenceStudy.rows.map(({ batchSize, learningRate, epoch, loss, accuracy, valLoss, valAccuracy }) => ({
  batchSize,
  learningRate,
  epochs: [{ epoch, loss, accuracy, valLoss, valAccuracy }],
}));

// The reference's own protocol, so that a test about results is not also one about settings.
const referenceProtocol: Omit<StudyProtocol, 'epochs'> = { weights: 'imagenet', alpha: 1, inputSize: 224, trainLimit: null };

function compare(sketches: RunSketch[], plannedEpochs = 50, protocol = referenceProtocol) {
  return compareWithReference(summarizeCells(buildSweep(sketches, { plannedEpochs })), { ...protocol, epochs: plannedEpochs });
}

// A sweep of the reference cells whose final validation accuracies are given by batch size and learning rate.
function sweepOf(accuracy: (batchSize: number, learningRate: number) => number): RunSketch[] {
  return referenceStudy.rows.map(({ batchSize, learningRate }) => ({ batchSize, learningRate, valAccuracies: [accuracy(batchSize, learningRate)] }));
}

describe('compareWithReference', () => {
  it('ranks the reference table fed as a sweep alike with itself (ρ = 1) and finds both findings agreeing', () => {
    const { result, findings } = compare(referenceAsSweep);
    assert.equal(result?.sharedCells, 5);
    assert.equal(result?.spearmanRho, 1);
    assert.equal(result?.learningRateMatters.agrees, true);
    assert.equal(result?.smallerRateForLargerBatch.agrees, true);
    assert.equal(result?.cells[0]?.ours?.valAccuracy, 0.45);
    assert.match(findings[1]?.text ?? '', /rank the 5 cells both have finished in the same order: Spearman’s ρ = 1.00/);
  });

  it('measures the reference’s own table as spreading more across batch sizes than across learning rates', () => {
    // Across learning rates: batch 128 0.45 − 0.2196, batch 32 0.8382 − 0.6902, mean 0.1892; across batch
    // sizes: LR 0.1 0.8382 − 0.45, LR 0.001 0.6902 − 0.2196, mean 0.4294. Batch 64 and LR 0.01 have one cell each.
    const { result, findings } = compare(referenceAsSweep);
    const spread = result!.learningRateMatters.reference!;
    assert.ok(Math.abs(spread.acrossLearningRates - 0.1892) < 1e-9 && Math.abs(spread.acrossBatchSizes - 0.4294) < 1e-9, JSON.stringify(spread));
    assert.equal(result?.learningRateMatters.referenceHolds, false);
    assert.match(
      findings[2]?.text ?? '',
      /18.9 points across learning rates .* 42.9 points across batch sizes .* neither the reference’s own table nor this sweep bears the claim out, so they agree\.$/,
    );
  });

  it('finds the reference’s second finding holding on its own table: at batch 128 the lower learning rate did worse', () => {
    const { result, findings } = compare(referenceAsSweep);
    assert.deepEqual(
      result?.smallerRateForLargerBatch.comparisons.map((comparison) => [comparison.batchSize, comparison.lowerLearningRate, comparison.higherLearningRate]),
      [[128, 0.001, 0.1]],
    );
    assert.equal(result?.smallerRateForLargerBatch.referenceHolds, true);
    assert.match(findings[3]?.text ?? '', /at batch 128, LR 0.001 gave 22.0% against 45.0% for LR 0.1 in the reference/);
  });

  it('finds a sweep that ranks the reference’s cells in reverse at ρ = −1', () => {
    const reversed = new Map([
      ['128:0.001', 0.9],
      ['128:0.1', 0.6],
      ['64:0.01', 0.55],
      ['32:0.001', 0.5],
      ['32:0.1', 0.2],
    ]);
    const { result, findings } = compare(sweepOf((batchSize, learningRate) => reversed.get(`${batchSize}:${learningRate}`)!));
    assert.equal(result?.spearmanRho, -1);
    assert.match(findings[1]?.text ?? '', /in reverse order: Spearman’s ρ = -1.00/);
  });

  it('finds a sweep where only the learning rate matters, and a lower one helps, disagreeing with the reference on both findings', () => {
    const { result, findings } = compare(sweepOf((_batchSize, learningRate) => 0.5 - 0.1 * Math.log10(learningRate)));
    assert.equal(result?.learningRateMatters.oursHolds, true);
    assert.equal(result?.learningRateMatters.agrees, false);
    assert.equal(result?.smallerRateForLargerBatch.oursHolds, false);
    assert.equal(result?.smallerRateForLargerBatch.agrees, false);
    assert.match(findings[3]?.text ?? '', /the reference’s own table bears the claim out but this sweep does not, so they disagree\.$/);
  });

  it('says ρ needs three shared cells and the findings cannot be checked when the cells are missing', () => {
    const { result, findings } = compare([
      { batchSize: 32, learningRate: 0.1, valAccuracies: [0.8] },
      { batchSize: 128, learningRate: 0.1, valAccuracies: [0.5] },
      { batchSize: 128, learningRate: 0.001, status: 'queued' },
    ]);
    assert.equal(result?.cells.length, 3);
    assert.equal(result?.cells[1]?.ours, null);
    assert.equal(result?.spearmanRho, null);
    assert.match(findings[1]?.text ?? '', /Spearman’s ρ needs at least 3 cells both have finished, and there are 2\.$/);
    assert.match(findings[2]?.text ?? '', /^The reference’s first finding, .*, cannot be checked/);
    assert.match(findings[3]?.text ?? '', /^The reference’s second finding, .*, cannot be checked/);
  });

  it('has nothing to say about a sweep that holds none of the reference’s cells', () => {
    assert.deepEqual(compare([{ batchSize: 16, learningRate: 0.05, valAccuracies: [0.5] }]), { result: null, findings: [] });
  });

  it('names the protocol settings that could explain a disagreement, read from the sweep’s own settings', () => {
    // The quick preset's protocol, ranking the cells in reverse.
    const { result, findings } = compare(
      sweepOf((batchSize, learningRate) => 0.5 + batchSize / 1000 - learningRate),
      10,
      { weights: null, alpha: 0.35, inputSize: 32, trainLimit: 2000 },
    );
    assert.deepEqual(result?.protocolDifferences, [
      { setting: 'starting weights', reference: 'ImageNet weights', ours: 'from scratch' },
      { setting: 'width multiplier', reference: 'α 1', ours: 'α 0.35' },
      { setting: 'input size', reference: '224×224 px', ours: '32×32 px' },
      { setting: 'training set', reference: 'all of its data set', ours: '2,000 training images' },
      { setting: 'epochs', reference: '50', ours: '10' },
    ]);
    assert.equal(
      findings.at(-1)?.text,
      'Where this sweep and the reference disagree, their protocols differ in 5 ways that could explain it: starting weights, ImageNet weights against from scratch here; ' +
        'width multiplier, α 1 against α 0.35 here; input size, 224×224 px against 32×32 px here; training set, all of its data set against 2,000 training images here; epochs, 50 against 10 here.',
    );
  });

  it('says no protocol setting can explain a difference when the sweep follows the reference’s', () => {
    const { result, findings } = compare(referenceAsSweep);
    assert.deepEqual(result?.protocolDifferences, []);
    assert.match(
      findings.at(-1)?.text ?? '',
      /^This sweep follows the reference’s protocol in starting weights, width multiplier, input size, training-set size and epochs/,
    );
  });
});

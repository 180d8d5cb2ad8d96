import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referenceStudy } from '@sweepscope/core';
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
    assert.deepEqual(
      conclusions.frontier.points.map((point) => [point.batchSize, point.largestStableLearningRate, point.smallestUnstableLearningRate]),
      [
        [32, 0.05, 0.5],
        [64, 0.5, null],
      ],
    );
    assert.equal(conclusions.reference, null);
  });

  it('never ranks, picks, fits or diagnoses a run that exploded or stayed at chance, and lists it apart with its numbers', () => {
    const learned = (learningRate: number, finals: number[]) => ({ batchSize: 32, learningRate, valAccuracies: finals });
    const conclusions = drawConclusions(
      buildSweep(
        [
          learned(0.001, [0.5, 0.6, 0.7]),
          learned(0.1, [0.6, 0.7, 0.8]),
          // Recorded succeeded, as runs were before the divergence rule: the loss exploded, and validation accuracy peaked by luck.
          {
            batchSize: 32,
            learningRate: 10,
            epochs: [1, 2, 3].map((epoch) => ({ epoch, loss: 8283, accuracy: 0.1, valLoss: 9888, valAccuracy: epoch === 3 ? 0.95 : 0.1 })),
          },
          // Never rose clear of 10 % on 1,000 images, but its last epoch beats every other by luck of the split.
          { batchSize: 64, learningRate: 1, epochs: [1, 2].map((epoch) => ({ epoch, loss: 2.3, accuracy: 0.1, valLoss: 2.3, valAccuracy: 0.12 })) },
          { batchSize: 64, learningRate: 0.001, valAccuracies: [0.4, 0.5] },
        ],
        { data: { classes: 10, valImages: 1000, divergenceFactor: 10 }, batchSizes: [32, 64], learningRates: [0.001, 0.1, 1, 10] },
      ),
    );
    assert.deepEqual(conclusions.bestCell, { batchSize: 32, learningRate: 0.1, value: 0.8, repeats: 1, rank: 1 });
    assert.deepEqual(
      conclusions.rankingByFinal.map((entry) => [entry.batchSize, entry.learningRate]),
      [
        [32, 0.1],
        [32, 0.001],
        [64, 0.001],
      ],
    );
    assert.deepEqual(
      conclusions.bestLearningRates.map((entry) => [entry.batchSize, entry.learningRates]),
      [
        [32, [0.1]],
        [64, [0.001]],
      ],
    );
    assert.deepEqual(
      conclusions.overfitting.map((run) => run.learningRate),
      [0.001, 0.1, 0.001],
    );
    assert.deepEqual(
      conclusions.speed.map((run) => run.learningRate),
      [0.001, 0.1, 0.001],
    );
    assert.deepEqual(
      conclusions.unstableRuns.map((run) => [run.runId, run.kind, run.finalValAccuracy]),
      [
        [3, 'loss-exploded', 0.95],
        [4, 'chance', 0.12],
      ],
    );
    assert.deepEqual(conclusions.frontier.points, [
      { batchSize: 32, largestStableLearningRate: 0.1, smallestUnstableLearningRate: 10 },
      { batchSize: 64, largestStableLearningRate: 0.001, smallestUnstableLearningRate: 1 },
    ]);
    const texts = conclusions.findings.map((finding) => finding.text);
    assert.ok(
      texts.includes(
        "Run 3 (batch 32, LR 10, repeat 1) trained to its end but is unstable: its training loss reached 8.28e+3 nats, past the sweep's divergence limit of 10 × ln 10 = 23.0. " +
          'It is left out of the ranking, best learning rates, scaling fit, overfitting and speed; its final validation accuracy was 95.0%.',
      ),
      texts.join('\n'),
    );
  });

  it('counts a run stopped early with its lowest-loss epoch, and keeps a pruned run out of every value, listing both with why', () => {
    const epoch = (n: number, valLoss: number, valAccuracy: number) => ({ epoch: n, loss: 1 / n, accuracy: valAccuracy, valLoss, valAccuracy });
    const conclusions = drawConclusions(
      buildSweep(
        [
          // Stopped after epoch 3; its result is epoch 2 (lowest validation loss, 0.6), at 70 %.
          {
            batchSize: 32,
            learningRate: 0.1,
            status: 'stopped_early',
            error: 'Stopped early after epoch 3: …',
            epochs: [epoch(1, 0.9, 0.5), epoch(2, 0.6, 0.7), epoch(3, 0.8, 0.72)],
          },
          { batchSize: 32, learningRate: 0.01, epochs: [epoch(1, 1, 0.4), epoch(2, 0.9, 0.5), epoch(3, 0.8, 0.6), epoch(4, 0.7, 0.65)] },
          // Pruned while ahead of nobody; its 90 % at epoch 2 must not make it the best cell.
          { batchSize: 64, learningRate: 0.1, status: 'pruned', error: 'Pruned after epoch 2: …', epochs: [epoch(1, 1, 0.3), epoch(2, 0.9, 0.9)] },
        ],
        { plannedEpochs: 4 },
      ),
    );
    assert.deepEqual(
      conclusions.rankingByFinal.map((entry) => [entry.batchSize, entry.learningRate, entry.value]),
      [
        [32, 0.1, 0.7],
        [32, 0.01, 0.65],
      ],
    );
    assert.deepEqual(conclusions.overfitting.map((run) => [run.runId, run.epoch]).sort(), [
      [1, 2],
      [2, 4],
    ]);
    assert.deepEqual(
      conclusions.stoppedRuns.map((run) => [run.runId, run.status, run.epochsDone]),
      [
        [1, 'stopped_early', 3],
        [3, 'pruned', 2],
      ],
    );
    assert.deepEqual(conclusions.failures, []);
    assert.deepEqual(
      conclusions.bestLearningRates.map((entry) => [entry.batchSize, entry.triedLearningRates]),
      [[32, [0.01, 0.1]]],
    );
    const texts = conclusions.findings.map((finding) => finding.text);
    assert.ok(
      texts.includes(
        'Run 1 (batch 32, LR 0.1, repeat 1) stopped early after 3 of 4 epochs: “Stopped early after epoch 3: …”. Its best epoch counts as its result.',
      ),
      texts.join('\n'),
    );
    assert.ok(
      texts.includes(
        'Run 3 (batch 64, LR 0.1, repeat 1) was pruned after 2 of 4 epochs: “Pruned after epoch 2: …”. It counts toward no value, as the pruner judged it behind.',
      ),
      texts.join('\n'),
    );
  });
});

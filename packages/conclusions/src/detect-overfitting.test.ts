import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSweep } from './build-sweep.fixture.js';
import type { EpochResult } from './conclusions-input.js';
import { detectOverfitting } from './detect-overfitting.js';
import { summarizeCells } from './summarize-cells.js';

function epochs(valLosses: number[], accuracy = 1, valAccuracy = 0.6): EpochResult[] {
  return valLosses.map((valLoss, i) => ({ epoch: i + 1, loss: 0.1, accuracy, valLoss, valAccuracy }));
}

function detect(...runs: EpochResult[][]) {
  return detectOverfitting(summarizeCells(buildSweep(runs.map((run, i) => ({ batchSize: 32, learningRate: 0.1, repeat: i + 1, epochs: run })))));
}

describe('detectOverfitting', () => {
  it('flags a run whose validation loss dips then rises, at the epoch of its minimum and by how much', () => {
    const { result, findings } = detect(epochs([1.2, 0.8, 0.5, 0.6, 0.9]));
    assert.equal(result[0]?.minValLossEpoch, 3);
    assert.equal(result[0]?.minValLoss, 0.5);
    assert.ok(Math.abs(result[0].valLossRise - 0.4) < 1e-12);
    assert.equal(result[0]?.valLossRose, true);
    assert.equal(
      findings.at(-1)?.text,
      'Run 1 (batch 32, LR 0.1, repeat 1): validation loss reached its minimum, 0.500, at epoch 3 and ended 0.400 higher (+80.0%) at epoch 5: it kept training past its best validation loss, a sign of overfitting.',
    );
  });

  it('does not flag a rise within the tolerance: 4 % of the minimum, or 0.008 nats above a minimum near zero', () => {
    const { result, findings } = detect(epochs([1, 0.5, 0.52]), epochs([0.1, 0.02, 0.028]));
    assert.deepEqual(
      result.map((entry) => entry.valLossRose),
      [false, false],
    );
    assert.equal(findings[1]?.text, "No finished run's validation loss ended more than 5% (and 0.01 nats) above its minimum.");
  });

  it('does not flag a validation loss that falls to the end', () => {
    const { result } = detect(epochs([1, 0.7, 0.4]));
    assert.equal(result[0]?.minValLossEpoch, 3);
    assert.equal(result[0]?.valLossRise, 0);
  });

  it('measures the train–validation accuracy gap at the final epoch and names the widest and narrowest', () => {
    const { result, findings } = detect(epochs([1, 0.9], 1, 0.45), epochs([1, 0.9], 0.9, 0.8));
    assert.deepEqual(
      result.map((entry) => Math.round(entry.gap * 100)),
      [55, 10],
    );
    assert.match(
      findings[0]?.text ?? '',
      /widest for run 1 \(batch 32, LR 0.1, repeat 1\), 55.0 points \(train 100.0% against validation 45.0%\), and narrowest for run 2 .*averages 32.5 points\.$/,
    );
  });

  it('leaves runs that have not succeeded out', () => {
    const sweep = buildSweep([{ batchSize: 32, learningRate: 0.1, status: 'running', epochs: epochs([0.5, 0.9]) }]);
    assert.deepEqual(detectOverfitting(summarizeCells(sweep)), { result: [], findings: [] });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSweep, type RunSketch } from './build-sweep.fixture.js';
import { measureSpeed } from './measure-speed.js';
import { summarizeCells } from './summarize-cells.js';

function measure(sketches: RunSketch[]) {
  const sweep = buildSweep(sketches);
  return measureSpeed(summarizeCells(sweep), sweep.plannedEpochs);
}

describe('measureSpeed', () => {
  it('finds the first epoch at 90 % of the run’s own best validation accuracy', () => {
    // Best 0.8, so the threshold is 0.72: epoch 3 (0.71) misses it, epoch 4 (0.75) reaches it.
    const { result } = measure([{ batchSize: 32, learningRate: 0.1, valAccuracies: [0.3, 0.5, 0.71, 0.75, 0.8, 0.78] }]);
    assert.equal(result[0]?.epochsToThreshold, 4);
    assert.equal(result[0]?.bestEpoch, 5);
    assert.ok(Math.abs(result[0].threshold - 0.72) < 1e-12);
  });

  it('names the fastest and the slowest run with their epochs', () => {
    const { findings } = measure([
      { batchSize: 32, learningRate: 0.1, valAccuracies: [0.8, 0.8, 0.8, 0.8] },
      { batchSize: 32, learningRate: 0.001, valAccuracies: [0.1, 0.2, 0.3, 0.4] },
    ]);
    assert.equal(
      findings[0]?.text,
      'Run 1 (batch 32, LR 0.1, repeat 1) learned fastest, reaching 72.0%, 90% of its best 80.0%, by epoch 1 of 4; ' +
        'run 2 (batch 32, LR 0.001, repeat 1) learned slowest, reaching 36.0%, 90% of its best 40.0%, by epoch 4 of 4.',
    );
  });

  it('says so when every run got there at the same epoch, rather than name one fastest', () => {
    const { findings } = measure([
      { batchSize: 32, learningRate: 0.1, valAccuracies: [0.5, 0.8] },
      { batchSize: 64, learningRate: 0.1, valAccuracies: [0.2, 0.4] },
    ]);
    assert.equal(findings[0]?.text, 'All 2 runs with every epoch stored reached 90% of their best validation accuracy at the same epoch, 2 of 2.');
  });

  it('cannot measure a run that stores only its final epoch, and says so', () => {
    const { result, findings } = measure([
      { batchSize: 32, learningRate: 0.1, epochs: [{ epoch: 50, loss: 0.1, accuracy: 1, valLoss: 0.6, valAccuracy: 0.84 }] },
    ]);
    assert.equal(result[0]?.epochsToThreshold, null);
    assert.match(findings[0]?.text ?? '', /^1 finished run stores only some of its epochs/);
  });
});

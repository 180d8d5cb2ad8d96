import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSweep } from './build-sweep.fixture.js';
import { listFailures } from './list-failures.js';
import { summarizeCells } from './summarize-cells.js';

describe('listFailures', () => {
  it('lists diverged and failed runs with their error text and how far they got', () => {
    const sweep = buildSweep(
      [
        { batchSize: 32, learningRate: 1, status: 'diverged', error: 'loss became NaN at epoch 3', valAccuracies: [0.2, 0.1] },
        { batchSize: 64, learningRate: 1, status: 'failed' },
        { batchSize: 32, learningRate: 0.1, valAccuracies: [0.5, 0.6] },
      ],
      { plannedEpochs: 10 },
    );
    const { result, findings } = listFailures(summarizeCells(sweep), sweep.plannedEpochs);
    assert.deepEqual(
      result.failures.map((failure) => [failure.runId, failure.status, failure.epochsDone]),
      [
        [1, 'diverged', 2],
        [2, 'failed', 0],
      ],
    );
    assert.equal(findings[0]?.text, 'Run 1 (batch 32, LR 1, repeat 1) diverged after 2 of 10 epochs: “loss became NaN at epoch 3”.');
    assert.equal(findings[1]?.text, 'Run 2 (batch 64, LR 1, repeat 1) failed before its first epoch, with no error stored.');
  });

  it('names the cells of the grid that were never asked for', () => {
    const sweep = buildSweep([{ batchSize: 32, learningRate: 0.1, valAccuracies: [0.5] }], { batchSizes: [32, 64], learningRates: [0.1, 0.01] });
    const { result, findings } = listFailures(summarizeCells(sweep), 1);
    assert.deepEqual(result.neverRun, [
      { batchSize: 32, learningRate: 0.01 },
      { batchSize: 64, learningRate: 0.01 },
      { batchSize: 64, learningRate: 0.1 },
    ]);
    assert.equal(findings.at(-1)?.text, '3 of the 4 cells of the 2 × 2 grid were never asked for: batch 32, LR 0.01; batch 64, LR 0.01; batch 64, LR 0.1.');
  });

  it('tells runs not run yet (queued, or cancelled with no epochs) from unfinished ones', () => {
    const sweep = buildSweep([
      { batchSize: 32, learningRate: 0.1, status: 'queued' },
      { batchSize: 32, learningRate: 0.1, repeat: 2, status: 'cancelled' },
      { batchSize: 32, learningRate: 0.1, repeat: 3, status: 'cancelled', valAccuracies: [0.4] },
      { batchSize: 32, learningRate: 0.1, repeat: 4, status: 'running', valAccuracies: [0.4, 0.5] },
    ]);
    const { result } = listFailures(summarizeCells(sweep), 5);
    assert.deepEqual(
      result.notRunYet.map((entry) => entry.runId),
      [1, 2],
    );
    assert.deepEqual(
      result.unfinished.map((entry) => entry.runId),
      [3, 4],
    );
    assert.deepEqual(result.failures, []);
  });
});

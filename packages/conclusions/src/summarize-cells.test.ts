import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSweep } from './build-sweep.fixture.js';
import { summarizeCells } from './summarize-cells.js';

describe('summarizeCells', () => {
  it('makes a cell of every batch size with every learning rate, empty where no run was asked for', () => {
    const cells = summarizeCells(
      buildSweep([{ batchSize: 64, learningRate: 0.1, valAccuracies: [0.5] }], { batchSizes: [64, 32], learningRates: [0.1, 0.01] }),
    );
    assert.deepEqual(
      cells.map((cell) => [cell.batchSize, cell.learningRate, cell.runs.length]),
      [
        [32, 0.01, 0],
        [32, 0.1, 0],
        [64, 0.01, 0],
        [64, 0.1, 1],
      ],
    );
  });

  it('averages the finished repeats of a cell and leaves out the ones still running or diverged', () => {
    const [cell] = summarizeCells(
      buildSweep([
        { batchSize: 32, learningRate: 0.1, repeat: 1, valAccuracies: [0.4, 0.9, 0.6] },
        { batchSize: 32, learningRate: 0.1, repeat: 2, valAccuracies: [0.5, 0.8] },
        { batchSize: 32, learningRate: 0.1, repeat: 3, status: 'running', valAccuracies: [0.99] },
        { batchSize: 32, learningRate: 0.1, repeat: 4, status: 'diverged', valAccuracies: [0.98, Number.NaN] },
      ]),
    );
    assert.equal(cell?.finished.length, 2);
    assert.ok(Math.abs(cell.meanFinal!.valAccuracy - 0.7) < 1e-12, `final mean ${cell.meanFinal?.valAccuracy}`);
    assert.ok(Math.abs(cell.meanBestValAccuracy! - 0.85) < 1e-12, `best mean ${cell.meanBestValAccuracy}`);
  });

  it('has no values for a cell whose runs have not finished', () => {
    const [cell] = summarizeCells(buildSweep([{ batchSize: 32, learningRate: 0.1, status: 'queued' }]));
    assert.equal(cell?.meanFinal, null);
    assert.equal(cell?.meanBestValAccuracy, null);
  });

  it('refuses a run off the grid', () => {
    assert.throws(() => summarizeCells(buildSweep([{ batchSize: 32, learningRate: 0.1 }], { learningRates: [0.01] })), /run 1's batch 32, LR 0.1 on the grid/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSweep } from './build-sweep.fixture.js';
import { rankCells } from './rank-cells.js';
import { summarizeCells } from './summarize-cells.js';

function rank(sketches: Parameters<typeof buildSweep>[0], options?: Parameters<typeof buildSweep>[1]) {
  return rankCells(summarizeCells(buildSweep(sketches, options)));
}

describe('rankCells', () => {
  it('ranks cells by the mean final validation accuracy over their repeats and names the best with its numbers', () => {
    const { result, findings } = rank([
      { batchSize: 32, learningRate: 0.1, repeat: 1, valAccuracies: [0.5, 0.8] },
      { batchSize: 32, learningRate: 0.1, repeat: 2, valAccuracies: [0.5, 0.6] },
      { batchSize: 64, learningRate: 0.1, valAccuracies: [0.3, 0.75] },
      { batchSize: 64, learningRate: 0.01, valAccuracies: [0.2, 0.4] },
    ]);
    assert.deepEqual(
      result.byFinal.map((entry) => [entry.batchSize, entry.learningRate, entry.rank]),
      [
        [64, 0.1, 1],
        [32, 0.1, 2],
        [64, 0.01, 3],
      ],
    );
    assert.equal(result.bestCell?.batchSize, 64);
    assert.equal(
      findings[0]?.text,
      'The best cell is batch 64, LR 0.1, with a final validation accuracy of 75.0%, ahead of batch 32, LR 0.1 at 70.0%, mean of 2 repeats.',
    );
    assert.deepEqual(
      findings[0]?.numbers.map((number) => number.value),
      [0.75, 0.7],
    );
  });

  it('ranks by each run’s best epoch separately and says when that changes the winner', () => {
    const { result, findings } = rank([
      { batchSize: 32, learningRate: 0.1, valAccuracies: [0.9, 0.6] },
      { batchSize: 32, learningRate: 0.01, valAccuracies: [0.5, 0.7] },
    ]);
    assert.deepEqual(
      result.byBest.map((entry) => entry.learningRate),
      [0.1, 0.01],
    );
    assert.deepEqual(
      result.byFinal.map((entry) => entry.learningRate),
      [0.01, 0.1],
    );
    assert.match(findings.at(-1)?.text ?? '', /disagree on the best cell: batch 32, LR 0.1 peaked highest \(90.0%/);
  });

  it('gives tied cells one rank and skips the next, and says they tie for the best', () => {
    const { result, findings } = rank([
      { batchSize: 32, learningRate: 0.1, valAccuracies: [0.8] },
      { batchSize: 64, learningRate: 0.1, repeat: 1, valAccuracies: [0.7] },
      { batchSize: 64, learningRate: 0.1, repeat: 2, valAccuracies: [0.9] },
      { batchSize: 128, learningRate: 0.1, valAccuracies: [0.5] },
    ]);
    assert.deepEqual(
      result.byFinal.map((entry) => entry.rank),
      [1, 1, 3],
    );
    assert.equal(findings[0]?.text, 'Batch 32, LR 0.1 and batch 64, LR 0.1 tie for the best final validation accuracy, 80.0%.');
  });

  it('leaves cells without a finished run out of the ranking', () => {
    const { result } = rank([
      { batchSize: 32, learningRate: 0.1, valAccuracies: [0.8] },
      { batchSize: 32, learningRate: 0.01, status: 'diverged', valAccuracies: [0.9, Number.NaN] },
    ]);
    assert.deepEqual(
      result.byFinal.map((entry) => entry.learningRate),
      [0.1],
    );
  });

  it('says nothing can be ranked before any run finishes', () => {
    const { result, findings } = rank([{ batchSize: 32, learningRate: 0.1, status: 'queued' }]);
    assert.equal(result.bestCell, null);
    assert.equal(findings[0]?.text, 'No run has finished yet, so no cell can be ranked.');
  });
});

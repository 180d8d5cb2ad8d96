import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSweep, type RunSketch } from './build-sweep.fixture.js';
import { compareRepeats } from './compare-repeats.js';
import { summarizeCells } from './summarize-cells.js';

function repeats(batchSize: number, learningRate: number, finals: number[]): RunSketch[] {
  return finals.map((final, i) => ({ batchSize, learningRate, repeat: i + 1, valAccuracies: [final] }));
}

function compare(sketches: RunSketch[]) {
  return compareRepeats(summarizeCells(buildSweep(sketches)));
}

describe('compareRepeats', () => {
  it('gives each cell the mean and sample standard deviation of its repeats', () => {
    // 0.6, 0.7, 0.8: mean 0.7, sample SD 0.1; 0.5, 0.5: SD 0.
    const { result, findings } = compare([...repeats(32, 0.1, [0.6, 0.7, 0.8]), ...repeats(64, 0.1, [0.5, 0.5])]);
    const [first, second] = result.cells;
    assert.ok(Math.abs(first!.mean - 0.7) < 1e-12 && Math.abs(first!.standardDeviation! - 0.1) < 1e-12, `got ${first?.mean} ± ${first?.standardDeviation}`);
    assert.equal(second?.standardDeviation, 0);
    assert.equal(findings[0]?.text, 'Final validation accuracy, mean ± sample standard deviation over finished repeats: batch 32, LR 0.1 70.0% ± 10.0%, n = 3; batch 64, LR 0.1 50.0% ± 0.0%, n = 2.');
  });

  it('calls overlapping cells tied with the best by Welch’s t-test at 0.05 and clearly worse ones not', () => {
    const { result, findings } = compare([
      ...repeats(32, 0.1, [0.81, 0.83, 0.82]),
      ...repeats(32, 0.01, [0.8, 0.84, 0.79]),
      ...repeats(64, 0.1, [0.78, 0.8, 0.76, 0.79]),
    ]);
    assert.deepEqual(result.best, { batchSize: 32, learningRate: 0.1 });
    assert.deepEqual(result.comparisons.map((comparison) => [comparison.learningRate, comparison.batchSize, comparison.tiedWithBest]), [[0.01, 32, true], [0.1, 64, false]]);
    // SciPy's ttest_ind([0.81, 0.83, 0.82], [0.78, 0.8, 0.76, 0.79], equal_var=False): p = 0.01575.
    assert.ok(Math.abs(result.comparisons[1]!.pValue - 0.015752005371269553) < 1e-9);
    assert.match(findings[1]?.text ?? '', /^By Welch's t-test at the 0.05 level, 1 cell is statistically tied with the best, batch 32, LR 0.1 \(82.0% ± 1.0%, n = 3\): batch 32, LR 0.01 \(t = /);
    assert.match(findings[2]?.text ?? '', /^1 cell is worse than the best at that level: batch 64, LR 0.1 \(t = 3.64, df = 4.8, p = 0.016\)\.$/);
  });

  it('says ties cannot be tested with one repeat per cell', () => {
    const { result, findings } = compare([...repeats(32, 0.1, [0.8]), ...repeats(64, 0.1, [0.7])]);
    assert.equal(result.testable, false);
    assert.equal(findings[0]?.text, "Each cell has at most one finished repeat, so ties with the best cannot be tested: Welch's t-test needs at least two repeats per cell.");
  });

  it('says ties cannot be tested when the best cell itself has one finished repeat', () => {
    const { result, findings } = compare([...repeats(32, 0.1, [0.9]), ...repeats(64, 0.1, [0.5, 0.52])]);
    assert.equal(result.testable, false);
    assert.deepEqual(result.best, { batchSize: 32, learningRate: 0.1 });
    assert.equal(findings.at(-1)?.text, "The best cell, batch 32, LR 0.1, has one finished repeat, so Welch's t-test cannot say which cells are tied with it.");
  });

  it('names cells with one finished repeat as untestable beside the tested ones', () => {
    const { result, findings } = compare([...repeats(32, 0.1, [0.8, 0.82]), ...repeats(64, 0.1, [0.5, 0.52]), ...repeats(128, 0.1, [0.3])]);
    assert.deepEqual(result.untestable, [{ batchSize: 128, learningRate: 0.1 }]);
    assert.equal(findings.at(-1)?.text, 'Batch 128, LR 0.1 has one finished repeat, so it cannot be tested against the best.');
  });
});

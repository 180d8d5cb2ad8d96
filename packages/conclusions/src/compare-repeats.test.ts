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

function assertNear(actual: number | null | undefined, expected: number, tolerance = 1e-9): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance, `expected ${expected} ± ${tolerance}, got ${actual}`);
}

describe('compareRepeats', () => {
  it('gives each cell the mean and sample standard deviation of its repeats', () => {
    // 0.6, 0.7, 0.8: mean 0.7, sample SD 0.1; 0.5, 0.5: SD 0.
    const { result, findings } = compare([...repeats(32, 0.1, [0.6, 0.7, 0.8]), ...repeats(64, 0.1, [0.5, 0.5])]);
    const [first, second] = result.cells;
    assert.ok(Math.abs(first!.mean - 0.7) < 1e-12 && Math.abs(first!.standardDeviation! - 0.1) < 1e-12, `got ${first?.mean} ± ${first?.standardDeviation}`);
    assert.equal(second?.standardDeviation, 0);
    assert.equal(
      findings[0]?.text,
      'Final validation accuracy, mean ± sample standard deviation over finished repeats: batch 32, LR 0.1 70.0% ± 10.0%, n = 3; batch 64, LR 0.1 50.0% ± 0.0%, n = 2.',
    );
  });

  it('gives each difference from the best its 95 % interval, p and Holm-adjusted p, and calls only the clear one worse', () => {
    const { result, findings } = compare([
      ...repeats(32, 0.1, [0.81, 0.83, 0.82]),
      ...repeats(32, 0.01, [0.8, 0.84, 0.79]),
      ...repeats(64, 0.1, [0.7, 0.72, 0.71, 0.73]),
    ]);
    assert.deepEqual(result.best, { batchSize: 32, learningRate: 0.1 });
    assert.deepEqual(
      result.comparisons.map((comparison) => [comparison.batchSize, comparison.learningRate, comparison.verdict]),
      [
        [32, 0.01, 'indistinguishable'],
        [64, 0.1, 'worse'],
      ],
    );
    const [close, far] = result.comparisons;
    // SciPy: ttest_ind([0.81, 0.83, 0.82], [0.8, 0.84, 0.79], equal_var=False) and against [0.7, 0.72, 0.71, 0.73].
    assertNear(close!.pValue, 0.5903318162661212);
    assertNear(close!.intervalLow, -0.04740656389274689);
    assertNear(close!.intervalHigh, 0.06740656389274668);
    assertNear(far!.pValue, 7.114467314235297e-5);
    assertNear(far!.intervalLow, 0.08268288518661214);
    assertNear(far!.intervalHigh, 0.1273171148133878);
    // Holm over two: the smaller p doubled, the larger kept.
    assertNear(far!.adjustedPValue, 2 * 7.114467314235297e-5);
    assertNear(close!.adjustedPValue, 0.5903318162661212);
    assert.equal(
      findings[1]?.text,
      "By Welch's t-test with Holm's correction over 2 comparisons at the 0.05 level, 1 cell is worse than the best, batch 32, LR 0.1 (82.0% ± 1.0%, n = 3): " +
        'batch 64, LR 0.1 (10.5 points lower, 95% CI 8.3 to 12.7; p < 0.001, Holm-adjusted p < 0.001).',
    );
    assert.match(
      findings[2]?.text ?? '',
      /^By Welch's t-test with Holm's correction over 2 comparisons at the 0.05 level, 1 cell is not distinguishable from the best, .*: batch 32, LR 0.01 \(1.0 points lower, 95% CI -4.7 to 6.7; p = 0.590, Holm-adjusted p = 0.590\)\.$/,
    );
  });

  it('says a difference Welch would call significant uncorrected is not, once Holm counts every comparison', () => {
    // Uncorrected, the 64-batch cell's p is 0.038 (SciPy); the smallest of three, Holm multiplies it by 3.
    const { result } = compare([
      ...repeats(32, 0.1, [0.81, 0.82, 0.83]),
      ...repeats(64, 0.1, [0.785, 0.795, 0.805]),
      ...repeats(128, 0.1, [0.8, 0.81, 0.82]),
      ...repeats(256, 0.1, [0.805, 0.815, 0.825]),
    ]);
    const cell = result.comparisons.find((comparison) => comparison.batchSize === 64)!;
    assert.ok(cell.pValue! < 0.05, `expected an uncorrected p below 0.05, got ${cell.pValue}`);
    assert.ok(cell.adjustedPValue! >= 0.05, `expected a Holm-adjusted p of at least 0.05, got ${cell.adjustedPValue}`);
    assert.equal(cell.verdict, 'indistinguishable');
  });

  it('says "too few repeats to tell" with two repeats a cell, never "tied", even at chance against the best', () => {
    const { result, findings } = compare([...repeats(32, 0.1, [0.8, 0.82]), ...repeats(64, 0.1, [0.25, 0.25])]);
    assert.equal(result.testable, false);
    assert.deepEqual(
      result.comparisons.map((comparison) => [comparison.verdict, comparison.pValue]),
      [['too-few-repeats', null]],
    );
    assert.equal(
      findings.at(-1)?.text,
      'Too few repeats to tell: batch 64, LR 0.1 cannot be compared with it: the best cell has 2 finished repeats, fewer than the 3 a comparison needs, ' +
        'so whether it is worse than the best, batch 32, LR 0.1 (81.0% ± 1.4%, n = 2) or tied with it cannot be said.',
    );
  });

  it('tests the cells with enough repeats and names the rest as too few to tell', () => {
    const { result, findings } = compare([...repeats(32, 0.1, [0.8, 0.82, 0.81]), ...repeats(64, 0.1, [0.5, 0.52, 0.51]), ...repeats(128, 0.1, [0.3])]);
    assert.deepEqual(
      result.comparisons.map((comparison) => [comparison.batchSize, comparison.verdict]),
      [
        [64, 'worse'],
        [128, 'too-few-repeats'],
      ],
    );
    assert.match(
      findings.at(-1)?.text ?? '',
      /^Too few repeats to tell: batch 128, LR 0.1 \(n = 1\) has fewer than 3 finished repeats, so whether it is worse than the best/,
    );
  });
});

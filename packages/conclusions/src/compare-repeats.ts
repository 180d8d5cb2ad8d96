import type { Concluded, Finding, FindingNumber } from './finding.js';
import { format, type CellKey } from './format-values.js';
import { adjustHolm } from './statistics/adjust-holm.js';
import { isClose } from './statistics/is-close.js';
import { summarizeSample } from './statistics/summarize-sample.js';
import { testWelch } from './statistics/welch-t-test.js';
import type { CellSummary } from './summarize-cells.js';

/**
 * How cells are compared with the best: Welch's t-test of each against it, the p-values
 * Holm-corrected over all of those comparisons (each one is another chance of a false
 * "worse"), at the 0.05 level, with 95 % confidence intervals of the difference.
 *
 * `minRepeats`: with two repeats a side Welch's t has about one degree of freedom, whose
 * 95 % quantile is 12.7: only a gap of some thirteen standard errors would register, so
 * "not significant" says nothing. Below three finished repeats on either side a
 * comparison is reported as too few repeats to tell, never as a tie.
 */
export const repeatTest = { name: "Welch's t-test with Holm's correction", level: 0.05, confidence: 0.95, minRepeats: 3 } as const;

/** A cell's final validation accuracy over its finished repeats. */
export interface CellSpread extends CellKey {
  repeats: number;
  /** Mean final validation accuracy, 0–1. */
  mean: number;
  /** Sample standard deviation (n − 1); null with one repeat. */
  standardDeviation: number | null;
}

/**
 * What a comparison with the best found: `worse` (the corrected p is below the level),
 * `indistinguishable` (it is not, with enough repeats to have looked), or
 * `too-few-repeats` (either side has fewer than {@link repeatTest}'s minimum; not tested).
 */
export type ComparisonVerdict = 'worse' | 'indistinguishable' | 'too-few-repeats';

/** One cell compared with the best. */
export interface CellComparison extends CellKey {
  /** Its finished repeats. */
  repeats: number;
  verdict: ComparisonVerdict;
  /** Mean of the best − mean of this cell, in accuracy (0–1); ≥ 0. */
  difference: number;
  /** The difference's 95 % confidence interval; null when not tested. */
  intervalLow: number | null;
  intervalHigh: number | null;
  /** Welch's t of best − this cell; null when not tested, or infinite (no spread on either side, different means). */
  t: number | null;
  degreesOfFreedom: number | null;
  /** Two-sided p-value; null when not tested. */
  pValue: number | null;
  /** The p-value after Holm's correction over every tested comparison; null when not tested. */
  adjustedPValue: number | null;
}

/** Spread over repeats, and how every other cell compares with the best. */
export interface RepeatComparison {
  /** {@link repeatTest}'s name, level and minimum repeats. */
  test: string;
  level: number;
  minRepeats: number;
  /** Whether the best cell has at least the minimum finished repeats, so any comparison can be tested. */
  testable: boolean;
  /** The cell of the highest mean final validation accuracy; null when none finished. */
  best: CellKey | null;
  /** Every cell with a finished repeat, in grid order. */
  cells: CellSpread[];
  /** Every other cell with a finished repeat, in grid order. */
  comparisons: CellComparison[];
}

const points = (fraction: number): string => (fraction * 100).toFixed(1);

function describeSpread(spread: CellSpread): string {
  return spread.standardDeviation === null
    ? `${format.percent(spread.mean)}, n = 1`
    : `${format.percent(spread.mean)} ± ${format.percent(spread.standardDeviation)}, n = ${spread.repeats}`;
}

function describeP(label: string, pValue: number): string {
  return pValue < 0.001 ? `${label} < 0.001` : `${label} = ${format.decimal(pValue, 3)}`;
}

function describeTested(comparison: CellComparison): string {
  const interval = `95% CI ${points(comparison.intervalLow!)} to ${points(comparison.intervalHigh!)}`;
  return `${format.cell(comparison)} (${points(comparison.difference)} points lower, ${interval}; ${describeP('p', comparison.pValue!)}, ${describeP('Holm-adjusted p', comparison.adjustedPValue!)})`;
}

function describeComparisons(result: RepeatComparison, best: CellSpread): Finding[] {
  const findings: Finding[] = [];
  const tested = result.comparisons.filter((comparison) => comparison.verdict !== 'too-few-repeats');
  const few = result.comparisons.filter((comparison) => comparison.verdict === 'too-few-repeats');
  const bestText = `the best, ${format.cell(best)} (${describeSpread(best)})`;
  const pNumbers = (list: readonly CellComparison[]): FindingNumber[] =>
    list.flatMap((comparison) => [
      { label: `difference from the best (${format.cell(comparison)})`, value: comparison.difference },
      { label: `Holm-adjusted p-value against the best (${format.cell(comparison)})`, value: comparison.adjustedPValue! },
    ]);
  const level = { label: 'significance level', value: repeatTest.level };
  const by = `By ${repeatTest.name} over ${tested.length} comparison${tested.length === 1 ? '' : 's'} at the ${repeatTest.level} level`;
  for (const verdict of ['worse', 'indistinguishable'] as const) {
    const list = tested.filter((comparison) => comparison.verdict === verdict);
    if (list.length === 0) continue;
    const are = `${list.length} cell${list.length === 1 ? ' is' : 's are'}`;
    const what = verdict === 'worse' ? `${are} worse than ${bestText}` : `${are} not distinguishable from ${bestText}`;
    findings.push({ topic: 'repeats', text: `${by}, ${what}: ${list.map(describeTested).join('; ')}.`, numbers: [level, ...pNumbers(list)] });
  }
  if (few.length > 0) {
    const whose = result.testable ? few.map((comparison) => `${format.cell(comparison)} (n = ${comparison.repeats})`) : few.map(format.cell);
    const why = result.testable
      ? `${whose.length === 1 ? 'has' : 'have'} fewer than ${repeatTest.minRepeats} finished repeats`
      : `cannot be compared with it: the best cell has ${best.repeats} finished repeat${best.repeats === 1 ? '' : 's'}, fewer than the ${repeatTest.minRepeats} a comparison needs`;
    findings.push({
      topic: 'repeats',
      text: `Too few repeats to tell: ${format.list(whose)} ${why}, so whether ${few.length === 1 ? 'it is' : 'they are'} worse than ${bestText} or tied with it cannot be said.`,
      numbers: [
        { label: 'cells with too few repeats to compare', value: few.length },
        { label: 'finished repeats of the best cell', value: best.repeats },
      ],
    });
  }
  return findings;
}

/**
 * Final validation accuracy as mean ± sample standard deviation per cell over its finished
 * repeats, and each other cell against the best by {@link repeatTest}: the difference with
 * its 95 % confidence interval, the p-value and the Holm-adjusted p-value, or "too few
 * repeats to tell" when either side has fewer than the minimum.
 */
export function compareRepeats(cells: readonly CellSummary[]): Concluded<RepeatComparison> {
  const finished = cells.filter((cell) => cell.finished.length > 0);
  const values = (cell: CellSummary) => cell.finished.map(({ final }) => final.valAccuracy);
  const spreads = finished.map((cell): CellSpread => {
    const { n, mean, standardDeviation } = summarizeSample(values(cell));
    return { batchSize: cell.batchSize, learningRate: cell.learningRate, repeats: n, mean, standardDeviation };
  });
  // The first of the highest means, as the ranking picks it.
  const isAtLeast = (a: CellSummary, b: CellSummary) =>
    a.meanFinal!.valAccuracy >= b.meanFinal!.valAccuracy || isClose(a.meanFinal!.valAccuracy, b.meanFinal!.valAccuracy);
  const bestCell = finished.reduce<CellSummary | undefined>((top, cell) => (top && isAtLeast(top, cell) ? top : cell), undefined);
  const base = { test: repeatTest.name, level: repeatTest.level, minRepeats: repeatTest.minRepeats, cells: spreads };
  if (!bestCell) return { result: { ...base, testable: false, best: null, comparisons: [] }, findings: [] };

  const testable = bestCell.finished.length >= repeatTest.minRepeats;
  const others = finished.filter((cell) => cell !== bestCell);
  const welch = others.map((cell) => (testable && cell.finished.length >= repeatTest.minRepeats ? testWelch(values(bestCell), values(cell)) : null));
  const tested = welch.flatMap((outcome) => (outcome ? [outcome.pValue] : []));
  const adjusted = adjustHolm(tested);
  let next = 0;
  const comparisons = others.map((cell, i): CellComparison => {
    const key = { batchSize: cell.batchSize, learningRate: cell.learningRate, repeats: cell.finished.length };
    const difference = bestCell.meanFinal!.valAccuracy - cell.meanFinal!.valAccuracy;
    const outcome = welch[i];
    if (!outcome) {
      return {
        ...key,
        verdict: 'too-few-repeats',
        difference,
        intervalLow: null,
        intervalHigh: null,
        t: null,
        degreesOfFreedom: null,
        pValue: null,
        adjustedPValue: null,
      };
    }
    const adjustedPValue = adjusted[next++]!;
    return {
      ...key,
      verdict: adjustedPValue < repeatTest.level ? 'worse' : 'indistinguishable',
      difference,
      intervalLow: outcome.interval[0],
      intervalHigh: outcome.interval[1],
      t: outcome.t,
      degreesOfFreedom: outcome.degreesOfFreedom,
      pValue: outcome.pValue,
      adjustedPValue,
    };
  });
  const result: RepeatComparison = { ...base, testable, best: { batchSize: bestCell.batchSize, learningRate: bestCell.learningRate }, comparisons };
  const repeated = spreads.filter((spread) => spread.repeats >= 2);
  const findings: Finding[] = [];
  if (repeated.length > 0) {
    findings.push({
      topic: 'repeats',
      text: `Final validation accuracy, mean ± sample standard deviation over finished repeats: ${repeated.map((spread) => `${format.cell(spread)} ${describeSpread(spread)}`).join('; ')}.`,
      numbers: repeated.flatMap((spread) => [
        { label: `mean final validation accuracy (${format.cell(spread)})`, value: spread.mean },
        { label: `standard deviation (${format.cell(spread)})`, value: spread.standardDeviation! },
      ]),
    });
  }
  const best = spreads.find((spread) => spread.batchSize === bestCell.batchSize && spread.learningRate === bestCell.learningRate)!;
  return { result, findings: [...findings, ...describeComparisons(result, best)] };
}

import type { Concluded, Finding, FindingNumber } from './finding.js';
import { format, type CellKey } from './format-values.js';
import { isClose } from './statistics/is-close.js';
import type { CellSummary } from './summarize-cells.js';
import { summarizeSample } from './statistics/summarize-sample.js';
import { testWelch } from './statistics/welch-t-test.js';

/** The test that decides which cells are tied with the best, and its significance level. */
export const tieTest = { name: "Welch's t-test", level: 0.05 } as const;

/** A cell's final validation accuracy over its finished repeats. */
export interface CellSpread extends CellKey {
  repeats: number;
  /** Mean final validation accuracy, 0–1. */
  mean: number;
  /** Sample standard deviation (n − 1); null with one repeat. */
  standardDeviation: number | null;
}

/** One cell tested against the best. */
export interface TieComparison extends CellKey {
  /** Welch's t of best − this cell; null when both have no spread and differ (t is infinite). */
  t: number | null;
  degreesOfFreedom: number | null;
  /** Two-sided p-value. */
  pValue: number;
  /** Whether p ≥ the test's level: the data cannot tell this cell from the best. */
  tiedWithBest: boolean;
}

/** Spread over repeats, and which cells the best cannot be told from. */
export interface RepeatComparison {
  /** {@link tieTest}'s name. */
  test: string;
  /** {@link tieTest}'s significance level. */
  level: number;
  /** Whether the best cell has at least two finished repeats, so ties can be tested. */
  testable: boolean;
  /** The cell of the highest mean final validation accuracy; null when none finished. */
  best: CellKey | null;
  /** Every cell with a finished repeat, in grid order. */
  cells: CellSpread[];
  /** Every other cell with at least two finished repeats, against the best. */
  comparisons: TieComparison[];
  /** Other cells with one finished repeat, which cannot be tested. */
  untestable: CellKey[];
}

function describeSpread(spread: CellSpread): string {
  return `${format.percent(spread.mean)} ± ${format.percent(spread.standardDeviation ?? 0)}, n = ${spread.repeats}`;
}

function describeP(pValue: number): string {
  return pValue < 0.001 ? 'p < 0.001' : `p = ${format.decimal(pValue, 3)}`;
}

function describeComparison(comparison: TieComparison): string {
  const t = comparison.t === null ? 't infinite' : `t = ${format.decimal(comparison.t)}`;
  const df = comparison.degreesOfFreedom === null ? '' : `, df = ${format.decimal(comparison.degreesOfFreedom, 1)}`;
  return `${format.cell(comparison)} (${t}${df}, ${describeP(comparison.pValue)})`;
}

function describeTies(result: RepeatComparison, spreads: readonly CellSpread[]): Finding[] {
  const best = spreads.find((spread) => spread.batchSize === result.best!.batchSize && spread.learningRate === result.best!.learningRate)!;
  const by = `By ${tieTest.name} at the ${tieTest.level} level`;
  const bestText = `the best, ${format.cell(best)} (${describeSpread(best)})`;
  const tied = result.comparisons.filter((comparison) => comparison.tiedWithBest);
  const worse = result.comparisons.filter((comparison) => !comparison.tiedWithBest);
  const pNumbers = (list: readonly TieComparison[]): FindingNumber[] => list.map((comparison) => ({ label: `p-value against the best (${format.cell(comparison)})`, value: comparison.pValue }));
  const level = { label: 'significance level', value: tieTest.level };
  const findings: Finding[] = [
    {
      topic: 'repeats',
      text:
        tied.length === 0
          ? `${by}, no cell is statistically tied with ${bestText}.`
          : `${by}, ${tied.length} cell${tied.length === 1 ? ' is' : 's are'} statistically tied with ${bestText}: ${tied.map(describeComparison).join('; ')}.`,
      numbers: [level, ...pNumbers(tied)],
    },
  ];
  if (worse.length > 0) {
    findings.push({
      topic: 'repeats',
      text: `${worse.length} cell${worse.length === 1 ? ' is' : 's are'} worse than the best at that level: ${worse.map(describeComparison).join('; ')}.`,
      numbers: [level, ...pNumbers(worse)],
    });
  }
  if (result.untestable.length > 0) {
    findings.push({
      topic: 'repeats',
      text: `${format.capitalized(format.list(result.untestable.map(format.cell)))} ${result.untestable.length === 1 ? 'has' : 'have'} one finished repeat, so ${result.untestable.length === 1 ? 'it' : 'they'} cannot be tested against the best.`,
      numbers: [{ label: 'cells with one finished repeat', value: result.untestable.length }],
    });
  }
  return findings;
}

/**
 * Final validation accuracy as mean ± sample standard deviation per cell over its finished
 * repeats, and which cells are statistically tied with the best by {@link tieTest}: a cell
 * is tied when the test cannot reject equal means at that level. Needs two repeats each.
 */
export function compareRepeats(cells: readonly CellSummary[]): Concluded<RepeatComparison> {
  const finished = cells.filter((cell) => cell.finished.length > 0);
  const values = (cell: CellSummary) => cell.finished.map(({ final }) => final.valAccuracy);
  const spreads = finished.map((cell): CellSpread => {
    const { n, mean, standardDeviation } = summarizeSample(values(cell));
    return { batchSize: cell.batchSize, learningRate: cell.learningRate, repeats: n, mean, standardDeviation };
  });
  // The first of the highest means, as the ranking picks it: ties at the top are in each other's comparisons anyway.
  const isAtLeast = (a: CellSummary, b: CellSummary) => a.meanFinal!.valAccuracy >= b.meanFinal!.valAccuracy || isClose(a.meanFinal!.valAccuracy, b.meanFinal!.valAccuracy);
  const bestCell = finished.reduce<CellSummary | undefined>((top, cell) => (top && isAtLeast(top, cell) ? top : cell), undefined);
  const base = { test: tieTest.name, level: tieTest.level, best: bestCell ? { batchSize: bestCell.batchSize, learningRate: bestCell.learningRate } : null, cells: spreads };
  const repeated = spreads.filter((spread) => spread.repeats >= 2);
  if (!bestCell || repeated.length === 0) {
    const result = { ...base, testable: false, comparisons: [], untestable: [] };
    const text = `Each cell has at most one finished repeat, so ties with the best cannot be tested: ${tieTest.name} needs at least two repeats per cell.`;
    return { result, findings: bestCell ? [{ topic: 'repeats', text, numbers: [{ label: 'most finished repeats in a cell', value: 1 }] }] : [] };
  }
  const spreadFinding: Finding = {
    topic: 'repeats',
    text: `Final validation accuracy, mean ± sample standard deviation over finished repeats: ${repeated.map((spread) => `${format.cell(spread)} ${describeSpread(spread)}`).join('; ')}.`,
    numbers: repeated.flatMap((spread) => [
      { label: `mean final validation accuracy (${format.cell(spread)})`, value: spread.mean },
      { label: `standard deviation (${format.cell(spread)})`, value: spread.standardDeviation! },
    ]),
  };
  if (bestCell.finished.length < 2) {
    const result = { ...base, testable: false, comparisons: [], untestable: [] };
    const text = `The best cell, ${format.cell(bestCell)}, has one finished repeat, so ${tieTest.name} cannot say which cells are tied with it.`;
    return { result, findings: [spreadFinding, { topic: 'repeats', text, numbers: [{ label: 'finished repeats of the best cell', value: 1 }] }] };
  }
  const others = finished.filter((cell) => cell !== bestCell);
  const comparisons = others
    .filter((cell) => cell.finished.length >= 2)
    .map((cell): TieComparison => {
      const { t, degreesOfFreedom, pValue } = testWelch(values(bestCell), values(cell));
      return { batchSize: cell.batchSize, learningRate: cell.learningRate, t, degreesOfFreedom, pValue, tiedWithBest: pValue >= tieTest.level };
    });
  const untestable = others.filter((cell) => cell.finished.length < 2).map(({ batchSize, learningRate }) => ({ batchSize, learningRate }));
  const result = { ...base, testable: true, comparisons, untestable };
  return { result, findings: [spreadFinding, ...describeTies(result, spreads)] };
}

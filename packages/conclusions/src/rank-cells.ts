import type { Concluded, Finding, FindingNumber } from './finding.js';
import { format, type CellKey } from './format-values.js';
import { isClose } from './statistics/is-close.js';
import type { CellSummary } from './summarize-cells.js';

/** A cell's place in a ranking. */
export interface CellRank extends CellKey {
  /** 1 for the best; tied cells share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
  /** The validation accuracy it is ranked by, 0–1: the mean over its finished repeats. */
  value: number;
  /** How many finished repeats the value is the mean of. */
  repeats: number;
}

/** The cells ranked two ways. */
export interface Ranking {
  /** The top of `byFinal` (the first of any cells tied there); null when no cell has finished. */
  bestCell: CellRank | null;
  /** Cells with a finished run, best first, by final validation accuracy. */
  byFinal: CellRank[];
  /** The same cells by each run's best epoch's validation accuracy. */
  byBest: CellRank[];
}

function rankBy(cells: readonly CellSummary[], pick: (cell: CellSummary) => number | null): CellRank[] {
  const valued = cells.flatMap((cell) => {
    const value = pick(cell);
    return value === null ? [] : [{ batchSize: cell.batchSize, learningRate: cell.learningRate, value, repeats: cell.finished.length }];
  });
  // Sorting is stable, so tied cells keep the grid's order: by batch size, then learning rate.
  const sorted = valued.toSorted((a, b) => (isClose(a.value, b.value) ? 0 : b.value - a.value));
  return sorted.map((entry) => ({ ...entry, rank: 1 + sorted.filter((other) => other.value > entry.value && !isClose(other.value, entry.value)).length }));
}

function describeValue(entry: CellRank): string {
  return entry.repeats > 1 ? `${format.percent(entry.value)}, mean of ${entry.repeats} repeats` : format.percent(entry.value);
}

function numbersOf(ranking: readonly CellRank[], metric: string): FindingNumber[] {
  return ranking.map((entry) => ({ label: `${metric} (${format.cell(entry)})`, value: entry.value }));
}

function describeBest(byFinal: readonly CellRank[]): Finding {
  const top = byFinal.filter((entry) => entry.rank === 1);
  const next = byFinal.find((entry) => entry.rank > 1);
  const numbers = numbersOf([...top, ...(next ? [next] : [])], 'final validation accuracy');
  if (byFinal.length === 1) {
    return { topic: 'ranking', text: `Only ${format.cell(top[0]!)} has finished, with a final validation accuracy of ${describeValue(top[0]!)}.`, numbers };
  }
  if (top.length > 1) {
    const tied = format.list(top.map(format.cell));
    return { topic: 'ranking', text: `${format.capitalized(tied)} tie for the best final validation accuracy, ${format.percent(top[0]!.value)}.`, numbers };
  }
  const ahead = next ? `, ahead of ${format.cell(next)} at ${describeValue(next)}` : '';
  return {
    topic: 'ranking',
    text: `The best cell is ${format.cell(top[0]!)}, with a final validation accuracy of ${describeValue(top[0]!)}${ahead}.`,
    numbers,
  };
}

function describeRanking(ranking: readonly CellRank[], metric: string, how: string): Finding {
  const order = ranking.map((entry) => `${entry.rank}. ${format.cell(entry)} (${format.percent(entry.value)})`).join('; ');
  return { topic: 'ranking', text: `Ranked by ${metric} (${how}): ${order}.`, numbers: numbersOf(ranking, metric) };
}

/**
 * Ranks the cells by final and by best validation accuracy, each cell's value being the
 * mean over its finished repeats; cells with no finished run are left out of both.
 */
export function rankCells(cells: readonly CellSummary[]): Concluded<Ranking> {
  const byFinal = rankBy(cells, (cell) => cell.meanFinal?.valAccuracy ?? null);
  const byBest = rankBy(cells, (cell) => cell.meanBestValAccuracy);
  const result = { bestCell: byFinal[0] ?? null, byFinal, byBest };
  if (byFinal.length === 0) {
    return { result, findings: [{ topic: 'ranking', text: 'No run has finished yet, so no cell can be ranked.', numbers: [] }] };
  }
  const findings = [describeBest(byFinal)];
  if (byFinal.length > 1) {
    findings.push(describeRanking(byFinal, 'final validation accuracy', 'the last epoch of each run'));
    findings.push(describeRanking(byBest, 'best validation accuracy', 'the best epoch of each run'));
    const finalTop = byFinal.filter((entry) => entry.rank === 1).map(format.cell);
    const bestTop = byBest.filter((entry) => entry.rank === 1).map(format.cell);
    if (!bestTop.every((cell) => finalTop.includes(cell))) {
      findings.push({
        topic: 'ranking',
        text:
          `The two rankings disagree on the best cell: ${format.list(bestTop)} peaked highest (${format.percent(byBest[0]!.value)} at its best epoch) ` +
          `but ${format.list(finalTop)} ended highest (${format.percent(byFinal[0]!.value)} at the last epoch).`,
        numbers: [
          { label: `best validation accuracy (${format.cell(byBest[0]!)})`, value: byBest[0]!.value },
          { label: `final validation accuracy (${format.cell(byFinal[0]!)})`, value: byFinal[0]!.value },
        ],
      });
    }
  }
  return { result, findings };
}

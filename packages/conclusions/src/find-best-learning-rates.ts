import type { RunStatus } from '@sweepscope/core';
import type { Concluded, Finding } from './finding.js';
import { format } from './format-values.js';
import { isClose } from './statistics/is-close.js';
import type { CellSummary } from './summarize-cells.js';

/** Where a best learning rate sits among the learning rates tried at its batch size. */
export type GridEdge = 'lowest' | 'highest' | 'only';

/** The best learning rate of one batch size, by mean final validation accuracy. */
export interface BestLearningRate {
  batchSize: number;
  /** The best learning rates, ascending: more than one when they tie. */
  learningRates: number[];
  /** Their mean final validation accuracy, 0–1. */
  valAccuracy: number;
  /** The learning rates tried at this batch size, ascending: those with a run that succeeded (unstable included) or diverged. */
  triedLearningRates: number[];
  /** 'lowest' or 'highest' when the best is at that end of the tried ones (the optimum may lie beyond), 'only' when one was tried, else null. */
  edge: GridEdge | null;
}

function findEdge(best: readonly number[], tried: readonly number[]): GridEdge | null {
  if (tried.length === 1) return 'only';
  if (best.includes(tried[0]!)) return 'lowest';
  if (best.includes(tried[tried.length - 1]!)) return 'highest';
  return null;
}

function describeBest(entry: BestLearningRate, cells: readonly CellSummary[]): Finding {
  const label = (learningRate: number) => `final validation accuracy (batch ${entry.batchSize}, LR ${format.learningRate(learningRate)})`;
  const numbers = [{ label: label(entry.learningRates[0]!), value: entry.valAccuracy }];
  const accuracy = format.percent(entry.valAccuracy);
  if (entry.edge === 'only') {
    const text = `At batch ${entry.batchSize}, only learning rate ${format.learningRate(entry.learningRates[0]!)} was tried (final validation accuracy ${accuracy}), so there is no best to choose.`;
    return { topic: 'learning-rate', text, numbers };
  }
  const rates = entry.learningRates.map(format.learningRate);
  const best = rates.length > 1 ? `learning rates ${format.list(rates)} tie for the best` : `the best learning rate is ${rates[0]}`;
  const others = cells.filter((cell) => cell.meanFinal && !entry.learningRates.some((rate) => isClose(rate, cell.learningRate)));
  const runnerUp = others.toSorted((a, b) => b.meanFinal!.valAccuracy - a.meanFinal!.valAccuracy)[0];
  const diverged = entry.triedLearningRates.length - entry.learningRates.length - others.length;
  const against = [
    ...(runnerUp ? [`${format.percent(runnerUp.meanFinal!.valAccuracy)} for the runner-up, ${format.learningRate(runnerUp.learningRate)}`] : []),
    ...(diverged > 0
      ? [diverged === 1 ? 'one other that diverged, was unstable or was pruned' : `${diverged} others that diverged, were unstable or were pruned`]
      : []),
  ];
  if (runnerUp) numbers.push({ label: label(runnerUp.learningRate), value: runnerUp.meanFinal!.valAccuracy });
  const edge = entry.edge === null ? '' : `; it is the ${entry.edge} tried, so the optimum may lie ${entry.edge === 'lowest' ? 'below' : 'above'} the grid`;
  const versus = against.length > 0 ? `, against ${format.list(against)}` : '';
  const text = `At batch ${entry.batchSize}, ${best} (final validation accuracy ${accuracy}${versus}; ${entry.triedLearningRates.length} learning rates tried)${edge}.`;
  return { topic: 'learning-rate', text, numbers };
}

/** Statuses of a run that tried its learning rate: it trained, or was ended for how it trained. */
const triedStatuses: readonly RunStatus[] = ['succeeded', 'stopped_early', 'diverged', 'pruned'];

/**
 * For each batch size with a finished cell, the learning rate of the highest mean final
 * validation accuracy. A learning rate that only diverged or was unstable counts as tried, and worse than
 * any that finished, so it bounds the search without being a candidate.
 */
export function findBestLearningRates(cells: readonly CellSummary[]): Concluded<BestLearningRate[]> {
  const batchSizes = [...new Set(cells.map((cell) => cell.batchSize))];
  const result: BestLearningRate[] = [];
  const findings: Finding[] = [];
  for (const batchSize of batchSizes) {
    const row = cells.filter((cell) => cell.batchSize === batchSize);
    const valued = row.filter((cell) => cell.meanFinal !== null);
    if (valued.length === 0) continue;
    const top = Math.max(...valued.map((cell) => cell.meanFinal!.valAccuracy));
    const learningRates = valued.filter((cell) => isClose(cell.meanFinal!.valAccuracy, top)).map((cell) => cell.learningRate);
    const tried = row.filter((cell) => cell.runs.some((run) => triedStatuses.includes(run.status))).map((cell) => cell.learningRate);
    const entry = { batchSize, learningRates, valAccuracy: top, triedLearningRates: tried, edge: findEdge(learningRates, tried) };
    result.push(entry);
    findings.push(describeBest(entry, valued));
  }
  return { result, findings };
}

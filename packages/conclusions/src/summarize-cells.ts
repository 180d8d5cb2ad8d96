import type { ConclusionsInput, EpochResult, RunResult } from './conclusions-input.js';
import { findInstability, traceTraining, type Instability } from './find-instability.js';
import type { CellKey } from './format-values.js';
import { isClose } from './statistics/is-close.js';
import { readRunMetrics } from './read-run-metrics.js';

/** One run that counts toward its cell's values: it succeeded or stopped early, its result epoch is finite, and it learned. */
export interface FinishedRun {
  run: RunResult;
  final: EpochResult;
  bestValAccuracy: number;
}

/** A run that succeeded with finite epochs but did not learn: kept apart from every value. */
export interface UnstableRun extends FinishedRun {
  instability: Instability;
}

/** One cell of the grid with its runs and, when any finished, its values. */
export interface CellSummary extends CellKey {
  /** Every run of the cell, all statuses; empty when the cell was never asked for. */
  runs: RunResult[];
  /** The runs that succeeded with a finite final epoch and learned, by repeat. */
  finished: FinishedRun[];
  /** The runs that succeeded with a finite final epoch but are unstable, by repeat. */
  unstable: UnstableRun[];
  /** Mean over the finished runs of each final metric; null when none finished. */
  meanFinal: Omit<EpochResult, 'epoch'> | null;
  /** Mean over the finished runs of each run's best validation accuracy; null when none finished. */
  meanBestValAccuracy: number | null;
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Groups a sweep's runs into the cells of its grid, every batch size with every learning
 * rate (ascending by batch size, then learning rate), and averages the finished repeats.
 * Runs still going, failed, diverged, pruned or cancelled count toward no value: their last
 * epoch is not the end of the planned training. A run stopped early counts with its best
 * epoch, as early stopping keeps it. Neither do unstable runs (see findInstability):
 * a run that never learned would rank, set a frontier and fit a scaling law by accident.
 * @throws {RangeError} when a run's batch size or learning rate is not on the grid
 */
export function summarizeCells(input: ConclusionsInput): CellSummary[] {
  const batchSizes = [...new Set(input.batchSizes)].sort((a, b) => a - b);
  const learningRates = [...new Set(input.learningRates)].sort((a, b) => a - b);
  const cells = batchSizes.flatMap((batchSize) => learningRates.map((learningRate) => ({ batchSize, learningRate, runs: [] as RunResult[] })));
  for (const run of input.runs) {
    const cell = cells.find((candidate) => candidate.batchSize === run.batchSize && isClose(candidate.learningRate, run.learningRate));
    if (!cell) {
      throw new RangeError(`summarizeCells: expected run ${run.id}'s batch ${run.batchSize}, LR ${run.learningRate} on the grid, got a cell outside it.`);
    }
    cell.runs.push(run);
  }
  return cells.map((cell) => {
    const runs = cell.runs.toSorted((a, b) => a.repeat - b.repeat);
    const ended = runs.flatMap((run) => {
      const { final, best } = readRunMetrics(run);
      return (run.status === 'succeeded' || run.status === 'stopped_early') && final && best
        ? [{ run, final, bestValAccuracy: best.valAccuracy, instability: findInstability(traceTraining(run.epochs), input.data) }]
        : [];
    });
    const finished = ended.flatMap(({ instability, ...entry }): FinishedRun[] => (instability ? [] : [entry]));
    const unstable = ended.flatMap(({ instability, ...entry }): UnstableRun[] => (instability ? [{ ...entry, instability }] : []));
    if (finished.length === 0) return { ...cell, runs, finished, unstable, meanFinal: null, meanBestValAccuracy: null };
    const mean = (key: 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy') => average(finished.map(({ final }) => final[key]));
    return {
      ...cell,
      runs,
      finished,
      unstable,
      meanFinal: { loss: mean('loss'), accuracy: mean('accuracy'), valLoss: mean('valLoss'), valAccuracy: mean('valAccuracy') },
      meanBestValAccuracy: average(finished.map((entry) => entry.bestValAccuracy)),
    };
  });
}

import { compareRepeats, type RepeatComparison } from './compare-repeats.js';
import { compareWithReference, type ReferenceComparison, type ReferenceStudyLike } from './compare-with-reference.js';
import type { ConclusionsInput } from './conclusions-input.js';
import { detectOverfitting, type RunOverfitting } from './detect-overfitting.js';
import { findBestLearningRates, type BestLearningRate } from './find-best-learning-rates.js';
import { findStabilityFrontier, type StabilityFrontier } from './find-stability-frontier.js';
import type { Finding } from './finding.js';
import { fitLearningRateScaling, type LearningRateScaling } from './fit-learning-rate-scaling.js';
import type { CellKey } from './format-values.js';
import { listFailures, type RunFailure, type RunReference } from './list-failures.js';
import { listUnstableRuns, type UnstableRunReport } from './list-unstable-runs.js';
import { measureSpeed, type RunSpeed } from './measure-speed.js';
import { predictFromNoiseScale, type NoiseScalePrediction } from './predict-from-noise-scale.js';
import { rankCells, type CellRank } from './rank-cells.js';
import { summarizeCells } from './summarize-cells.js';

/** Everything a sweep's data supports, as typed numbers and as sentences. */
export interface Conclusions {
  plannedEpochs: number;
  /** The cell of the highest mean final validation accuracy; null before any finishes. */
  bestCell: CellRank | null;
  rankingByFinal: CellRank[];
  rankingByBest: CellRank[];
  bestLearningRates: BestLearningRate[];
  scaling: LearningRateScaling;
  /** What the gradient noise scale measured during training predicts of the best learning rate per batch size; null when no run measured it. */
  noiseScale: NoiseScalePrediction | null;
  overfitting: RunOverfitting[];
  speed: RunSpeed[];
  failures: RunFailure[];
  /** Runs early stopping or the pruner ended, with why. */
  stoppedRuns: RunFailure[];
  /** Runs that succeeded but never learned, kept out of every value above and listed here with their numbers. */
  unstableRuns: UnstableRunReport[];
  neverRunCells: CellKey[];
  notRunYet: RunReference[];
  unfinishedRuns: RunReference[];
  frontier: StabilityFrontier;
  repeats: RepeatComparison;
  /** Null when the sweep holds none of the reference study's cells. */
  reference: ReferenceComparison | null;
  /** Every finding as a sentence with its numbers: ranking, learning rates, scaling, the noise scale's prediction, repeats, stability (with unstable runs), failures, coverage, overfitting, speed, reference. */
  findings: Finding[];
}

/** Options of {@link drawConclusions}. */
export interface DrawConclusionsOptions {
  /** The study to set the sweep beside. @default referenceStudy */
  reference?: ReferenceStudyLike;
}

/**
 * Computes a sweep's conclusions from its data alone: no number in a sentence is written
 * anywhere but here, from the runs given.
 * @throws {RangeError} when a run lies off the grid (see summarizeCells)
 */
export function drawConclusions(input: ConclusionsInput, options: DrawConclusionsOptions = {}): Conclusions {
  const cells = summarizeCells(input);
  const ranking = rankCells(cells);
  const bestLearningRates = findBestLearningRates(cells);
  const scaling = fitLearningRateScaling(bestLearningRates.result);
  const noiseScale = predictFromNoiseScale(input.runs, bestLearningRates.result, scaling.result);
  const repeats = compareRepeats(cells);
  const frontier = findStabilityFrontier(cells);
  const unstable = listUnstableRuns(cells, input.data);
  const coverage = listFailures(cells, input.plannedEpochs);
  const overfitting = detectOverfitting(cells);
  const speed = measureSpeed(cells, input.plannedEpochs);
  const reference = compareWithReference(cells, { ...input.protocol, epochs: input.plannedEpochs }, options.reference);
  return {
    plannedEpochs: input.plannedEpochs,
    bestCell: ranking.result.bestCell,
    rankingByFinal: ranking.result.byFinal,
    rankingByBest: ranking.result.byBest,
    bestLearningRates: bestLearningRates.result,
    scaling: scaling.result,
    noiseScale: noiseScale.result,
    overfitting: overfitting.result,
    speed: speed.result,
    failures: coverage.result.failures,
    stoppedRuns: coverage.result.stopped,
    unstableRuns: unstable.result,
    neverRunCells: coverage.result.neverRun,
    notRunYet: coverage.result.notRunYet,
    unfinishedRuns: coverage.result.unfinished,
    frontier: frontier.result,
    repeats: repeats.result,
    reference: reference.result,
    findings: [ranking, bestLearningRates, scaling, noiseScale, repeats, frontier, unstable, coverage, overfitting, speed, reference].flatMap(
      (part) => part.findings,
    ),
  };
}

import { predictLearningRate, type RunStatus } from '@sweepscope/core';
import type { RunResult } from './conclusions-input.js';
import type { BestLearningRate } from './find-best-learning-rates.js';
import type { Concluded, Finding } from './finding.js';
import { scalingRules, type LearningRateScaling } from './fit-learning-rate-scaling.js';
import { format } from './format-values.js';
import { quantile } from './statistics/quantile.js';
import { summarizeSample } from './statistics/summarize-sample.js';

/** The critical batch size as the gradient noise scale measured it, with its spread. */
export interface CriticalBatchSize {
  /**
   * The median over runs of each run's median B_simple over its epochs, in images: the runs
   * of each batch size's best learning rate, as the paper measures tuned runs (a learning rate
   * too small to train leaves the gradient buried in noise), or every run measured when none
   * of those has a measurement.
   */
  value: number;
  /** The smallest and largest of those per-run medians: the spread across runs. */
  runsLow: number;
  runsHigh: number;
  /** The lower and upper quartile of every epoch's B_simple: the spread across epochs. */
  epochsLow: number;
  epochsHigh: number;
  /** How many runs and epochs had a measurement. */
  runs: number;
  epochs: number;
  /** Whether the runs were those of the best learning rates (else every run measured). */
  fromBestRuns: boolean;
}

/** One batch size of the grid beside the prediction. */
export interface PredictedLearningRate {
  batchSize: number;
  /** The grid's best learning rate there (the geometric mean of ties). */
  measured: number;
  /** ε_opt(B) = ε_max / (1 + B_crit / B), ε_max fitted to the grid. */
  predicted: number;
  /** ln(measured / predicted) in grid steps: within ±1 the grid cannot tell them apart. */
  gridSteps: number;
}

/** The best learning rate per batch size that the noise scale predicts, and how the grid compares. */
export interface NoiseScalePrediction {
  criticalBatchSize: CriticalBatchSize;
  /** ε_max of the predicted curve, fitted in log terms to the grid's best learning rates; null without them. */
  maxLearningRate: number | null;
  /** The points the grid resolves a best learning rate at, with the prediction there. */
  points: PredictedLearningRate[];
  /** The prediction's mean slope of ln ε against ln B over the grid's batch range; null with fewer than two points. */
  predictedSlope: number | null;
  /** Whether every point lies within one learning-rate grid step of the prediction; null without points. */
  agrees: boolean | null;
}

/** Runs whose gradients describe training: not one that blew up or failed. */
const measuredStatuses: readonly RunStatus[] = ['succeeded', 'running', 'stopped_early', 'pruned', 'cancelled'];

/**
 * The gradient noise scale's prediction (McCandlish et al. 2018): B_simple, measured while
 * the runs of each batch size's best learning rate trained, estimates the critical batch size B_crit; the best learning rate then
 * follows ε_opt(B) = ε_max / (1 + B_crit / B), nearly linear in B well below B_crit and level
 * well above it. ε_max, which the noise scale does not give, is fitted to the grid's best
 * learning rates in log terms (a least-squares intercept), so the comparison is of the
 * curve's shape: at each batch size, how far the grid's best lies from the curve, counted in
 * the grid's own learning-rate steps (the finest difference it can show).
 * @returns null when no run measured the noise scale (imported without it, or trained before it was)
 */
export function predictFromNoiseScale(
  runs: readonly RunResult[],
  best: readonly BestLearningRate[],
  scaling: LearningRateScaling,
): Concluded<NoiseScalePrediction | null> {
  const measuredOf = (some: readonly RunResult[]) =>
    some
      .filter((run) => measuredStatuses.includes(run.status))
      .map((run) => run.epochs.flatMap((epoch) => (typeof epoch.noiseScale === 'number' && Number.isFinite(epoch.noiseScale) ? [epoch.noiseScale] : [])))
      .filter((values) => values.length > 0);
  const atBest = measuredOf(runs.filter((run) => best.some((entry) => entry.batchSize === run.batchSize && entry.learningRates.includes(run.learningRate))));
  const fromBestRuns = atBest.length > 0;
  const perRun = fromBestRuns ? atBest : measuredOf(runs);
  if (perRun.length === 0) return { result: null, findings: [] };
  const runMedians = perRun.map((values) => quantile(values, 0.5));
  const all = perRun.flat();
  const criticalBatchSize: CriticalBatchSize = {
    value: quantile(runMedians, 0.5),
    runsLow: Math.min(...runMedians),
    runsHigh: Math.max(...runMedians),
    epochsLow: quantile(all, 0.25),
    epochsHigh: quantile(all, 0.75),
    runs: perRun.length,
    epochs: all.length,
    fromBestRuns,
  };
  const shape = (batchSize: number): number => Math.log(predictLearningRate(1, criticalBatchSize.value, batchSize));
  const logMax =
    scaling.points.length === 0 ? null : summarizeSample(scaling.points.map((point) => Math.log(point.learningRate) - shape(point.batchSize))).mean;
  const step = scaling.gridLogStep;
  const points =
    logMax === null
      ? []
      : scaling.points.map((point) => {
          const predicted = Math.exp(logMax + shape(point.batchSize));
          return { batchSize: point.batchSize, measured: point.learningRate, predicted, gridSteps: step ? Math.log(point.learningRate / predicted) / step : 0 };
        });
  const first = points[0];
  const last = points.at(-1);
  const predictedSlope =
    first && last && last.batchSize > first.batchSize ? Math.log(last.predicted / first.predicted) / Math.log(last.batchSize / first.batchSize) : null;
  const prediction: NoiseScalePrediction = {
    criticalBatchSize,
    maxLearningRate: logMax === null ? null : Math.exp(logMax),
    points,
    predictedSlope,
    agrees: points.length === 0 ? null : points.every((point) => Math.abs(point.gridSteps) <= 1 + 1e-9),
  };
  return { result: prediction, findings: [describePrediction(prediction, scaling)] };
}

function describePrediction(prediction: NoiseScalePrediction, scaling: LearningRateScaling): Finding {
  const b = prediction.criticalBatchSize;
  const measured =
    `The gradient noise scale measured while ${b.fromBestRuns ? "the best learning rates' runs" : 'the runs'} trained puts the critical batch size at about ${format.decimal(b.value, 0)} images ` +
    `(runs' medians ${format.decimal(b.runsLow, 0)}–${format.decimal(b.runsHigh, 0)}; epochs' middle half ${format.decimal(b.epochsLow, 0)}–${format.decimal(b.epochsHigh, 0)}; ` +
    `${b.runs} ${b.runs === 1 ? 'run' : 'runs'}, ${b.epochs} ${b.epochs === 1 ? 'epoch' : 'epochs'}): below it the best learning rate should grow about linearly with the batch size, above it level off.`;
  const numbers = [
    { label: 'critical batch size (images)', value: b.value },
    { label: 'lowest run median', value: b.runsLow },
    { label: 'highest run median', value: b.runsHigh },
  ];
  const first = prediction.points[0];
  const last = prediction.points.at(-1);
  if (prediction.predictedSlope === null || first === undefined || last === undefined || scaling.gridLogStep === null) {
    return { topic: 'noise-scale', text: `${measured} The grid has too few batch sizes with a best learning rate to compare with the prediction.`, numbers };
  }
  const slope = prediction.predictedSlope;
  // Rounded as the sentence prints it, so a slope shown as 0.50 is not called flatter than 0.5.
  const shown = Number(format.decimal(slope));
  const between =
    shown < scalingRules.squareRoot
      ? `flatter than square-root scaling's ${scalingRules.squareRoot}`
      : Math.abs(shown - scalingRules.linear) < Math.abs(shown - scalingRules.squareRoot)
        ? `nearer the Linear Scaling Rule's ${scalingRules.linear} than square-root scaling's ${scalingRules.squareRoot}`
        : `nearer square-root scaling's ${scalingRules.squareRoot} than the Linear Scaling Rule's ${scalingRules.linear}`;
  const off = prediction.points.filter((point) => Math.abs(point.gridSteps) > 1 + 1e-9);
  const verdict = prediction.agrees
    ? `The grid's best learning rates lie within one grid step (×${format.decimal(Math.exp(scaling.gridLogStep), 1)}) of that curve at every batch size, so the grid agrees with the prediction as far as it can resolve`
    : `The grid's best learning rate lies more than one grid step (×${format.decimal(Math.exp(scaling.gridLogStep), 1)}) off that curve at ${off
        .map((point) => `batch ${point.batchSize} (${format.decimal(point.gridSteps, 1)} steps)`)
        .join(', ')}, so the grid disagrees with the prediction there`;
  const text =
    `${measured} Over batches ${first.batchSize}–${last.batchSize} the predicted best learning rate changes ×${format.decimal(last.predicted / first.predicted)}, ` +
    `a log–log slope of ${format.decimal(slope)}, ${between}${scaling.slope === null ? '' : `; the grid's fitted slope is ${format.decimal(scaling.slope)}`}. ${verdict}.`;
  return { topic: 'noise-scale', text, numbers: [...numbers, { label: 'predicted slope', value: slope }] };
}

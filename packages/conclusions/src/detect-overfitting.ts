import type { Concluded, Finding } from './finding.js';
import { format } from './format-values.js';
import { isClose } from './statistics/is-close.js';
import type { CellSummary, FinishedRun } from './summarize-cells.js';

/**
 * How far a run's final validation loss may sit above its minimum before it counts as
 * having risen: more than 5 % of the minimum and more than 0.01 nats, both. Epoch-to-epoch
 * validation loss on a small split wobbles by a few percent, and the absolute floor stops
 * a minimum near zero from turning rounding into a "rise".
 */
export const valLossRiseTolerance = { relative: 0.05, absolute: 0.01 } as const;

/** Signs of overfitting in one finished run. */
export interface RunOverfitting {
  runId: number;
  batchSize: number;
  learningRate: number;
  repeat: number;
  /** The final epoch's number. */
  epoch: number;
  /** Final training accuracy, 0–1. */
  accuracy: number;
  /** Final validation accuracy, 0–1. */
  valAccuracy: number;
  /** accuracy − valAccuracy at the final epoch. */
  gap: number;
  /** The lowest validation loss of any epoch, in nats. */
  minValLoss: number;
  /** The first epoch at which it was reached. */
  minValLossEpoch: number;
  /** The final epoch's validation loss, in nats. */
  finalValLoss: number;
  /** finalValLoss − minValLoss, ≥ 0. */
  valLossRise: number;
  /** Whether the rise exceeds {@link valLossRiseTolerance}. */
  valLossRose: boolean;
}

function measure({ run, final }: FinishedRun): RunOverfitting {
  let minimum = { epoch: final.epoch, valLoss: final.valLoss };
  for (const { epoch, valLoss } of run.epochs) if (Number.isFinite(valLoss) && valLoss < minimum.valLoss) minimum = { epoch, valLoss };
  const rise = final.valLoss - minimum.valLoss;
  return {
    runId: run.id,
    batchSize: run.batchSize,
    learningRate: run.learningRate,
    repeat: run.repeat,
    epoch: final.epoch,
    accuracy: final.accuracy,
    valAccuracy: final.valAccuracy,
    gap: final.accuracy - final.valAccuracy,
    minValLoss: minimum.valLoss,
    minValLossEpoch: minimum.epoch,
    finalValLoss: final.valLoss,
    valLossRise: rise,
    valLossRose: rise > valLossRiseTolerance.absolute && rise > valLossRiseTolerance.relative * minimum.valLoss,
  };
}

function describeGaps(runs: readonly RunOverfitting[]): Finding {
  const sorted = runs.toSorted((a, b) => b.gap - a.gap);
  const widest = sorted[0]!;
  const narrowest = sorted[sorted.length - 1]!;
  const split = (entry: RunOverfitting) =>
    `${format.points(entry.gap)} (train ${format.percent(entry.accuracy)} against validation ${format.percent(entry.valAccuracy)})`;
  const numbers = [
    { label: `train–validation accuracy gap (${format.runLabel(widest)})`, value: widest.gap },
    { label: `train accuracy (${format.runLabel(widest)})`, value: widest.accuracy },
    { label: `validation accuracy (${format.runLabel(widest)})`, value: widest.valAccuracy },
  ];
  if (runs.length === 1) {
    return { topic: 'overfitting', text: `At the end of training, ${format.run(widest)} has a train–validation accuracy gap of ${split(widest)}.`, numbers };
  }
  const mean = runs.reduce((sum, entry) => sum + entry.gap, 0) / runs.length;
  if (isClose(widest.gap, narrowest.gap)) {
    const text = `At the end of training, all ${runs.length} finished runs have the same train–validation accuracy gap, ${format.points(mean)}.`;
    return { topic: 'overfitting', text, numbers: [{ label: 'train–validation accuracy gap (every run)', value: mean }] };
  }
  numbers.push(
    { label: `train–validation accuracy gap (${format.runLabel(narrowest)})`, value: narrowest.gap },
    { label: 'mean train–validation accuracy gap', value: mean },
  );
  const text =
    `At the end of training, the train–validation accuracy gap is widest for ${format.run(widest)}, ${split(widest)}, and narrowest for ` +
    `${format.run(narrowest)}, ${split(narrowest)}; over ${runs.length} finished runs it averages ${format.points(mean)}.`;
  return { topic: 'overfitting', text, numbers };
}

function describeRise(entry: RunOverfitting): Finding {
  // A minimum of exactly 0 has no relative rise to show; the absolute one still stands.
  const relative = entry.minValLoss > 0 ? ` (+${format.decimal((100 * entry.valLossRise) / entry.minValLoss, 1)}%)` : '';
  const text =
    `${format.capitalized(format.run(entry))}: validation loss reached its minimum, ${format.decimal(entry.minValLoss, 3)}, at epoch ${entry.minValLossEpoch} ` +
    `and ended ${format.decimal(entry.valLossRise, 3)} higher${relative} at epoch ${entry.epoch}: ` +
    `it kept training past its best validation loss, a sign of overfitting.`;
  return {
    topic: 'overfitting',
    text,
    numbers: [
      { label: 'minimum validation loss', value: entry.minValLoss },
      { label: 'epoch of the minimum', value: entry.minValLossEpoch },
      { label: 'final validation loss', value: entry.finalValLoss },
      { label: 'rise of validation loss', value: entry.valLossRise },
    ],
  };
}

/**
 * For every finished run: the train–validation accuracy gap at its final epoch, and whether
 * its validation loss ended above its minimum by more than {@link valLossRiseTolerance}.
 */
export function detectOverfitting(cells: readonly CellSummary[]): Concluded<RunOverfitting[]> {
  const result = cells.flatMap((cell) => cell.finished.map(measure));
  if (result.length === 0) return { result, findings: [] };
  const risen = result.filter((entry) => entry.valLossRose);
  const tolerance = `more than ${100 * valLossRiseTolerance.relative}% (and ${valLossRiseTolerance.absolute} nats) above its minimum`;
  const summary =
    risen.length === 0
      ? `No finished run's validation loss ended ${tolerance}.`
      : `${risen.length} of ${result.length} finished runs ended with validation loss ${tolerance}.`;
  const numbers = [
    { label: 'runs whose validation loss rose', value: risen.length },
    { label: 'relative tolerance', value: valLossRiseTolerance.relative },
    { label: 'absolute tolerance (nats)', value: valLossRiseTolerance.absolute },
  ];
  return { result, findings: [describeGaps(result), { topic: 'overfitting', text: summary, numbers }, ...risen.map(describeRise)] };
}

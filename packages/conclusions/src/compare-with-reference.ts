import { referenceStudy, type ReferenceRow } from '@sweepscope/core';
import { checkLearningRateMatters, type LearningRateMattersCheck } from './check-learning-rate-matters.js';
import { checkSmallerRateForLargerBatch, type SmallerRateForLargerBatchCheck } from './check-smaller-rate-for-larger-batch.js';
import type { Concluded, Finding } from './finding.js';
import { listProtocolDifferences, type ProtocolDifference, type StudyProtocol } from './list-protocol-differences.js';
import { format, type CellKey } from './format-values.js';
import { isClose } from './statistics/is-close.js';
import type { SharedCell } from './shared-cell.js';
import { computeSpearmanRho } from './statistics/spearman-rho.js';
import type { CellSummary } from './summarize-cells.js';

/** Final metrics of a cell: the reference's last epoch, or the mean of our finished repeats. */
export interface FinalMetrics {
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
}

/** A reference cell this sweep holds, the two results side by side. */
export interface ReferenceCell extends CellKey {
  /** The run's number in the reference's table. */
  referenceRun: number;
  reference: FinalMetrics;
  /** Ours, with how many finished repeats they are the mean of; null until one finishes. */
  ours: (FinalMetrics & { repeats: number }) | null;
}

/** This sweep beside the reference study. */
export interface ReferenceComparison {
  /** Epochs the reference trained (its numbers are from the last). */
  referenceEpochs: number;
  /** Epochs this sweep plans per run. */
  plannedEpochs: number;
  /** The reference cells this sweep has runs for, in the reference's order. */
  cells: ReferenceCell[];
  /** How many of them both have finished. */
  sharedCells: number;
  /** Spearman's ρ between the two rankings of the shared cells by final validation accuracy (average ranks for ties); null with fewer than three, or when one side is all tied. */
  spearmanRho: number | null;
  learningRateMatters: LearningRateMattersCheck;
  smallerRateForLargerBatch: SmallerRateForLargerBatchCheck;
  /** Where this sweep's protocol differs from the reference's: what could explain a disagreement. */
  protocolDifferences: ProtocolDifference[];
}

/** The study to compare with: {@link referenceStudy} unless a test gives another. */
export interface ReferenceStudyLike {
  epochs: number;
  weights: string | null;
  alpha: number;
  inputSize: number;
  rows: readonly ReferenceRow[];
  /** Its two findings: the learning rate matters most; a smaller one for a larger batch did not help. */
  findings: readonly [string, string];
}

function describeSideBySide(cells: readonly ReferenceCell[], referenceEpochs: number, plannedEpochs: number): Finding {
  const pairs = cells.map((cell) => {
    const ours = cell.ours ? `${format.percent(cell.ours.valAccuracy)} (validation loss ${format.decimal(cell.ours.valLoss, 3)})` : 'not finished';
    return `${format.cell(cell)}: reference ${format.percent(cell.reference.valAccuracy)} (validation loss ${format.decimal(cell.reference.valLoss, 3)}), this sweep ${ours}`;
  });
  const text = `Final validation accuracy beside the reference study (the reference after ${referenceEpochs} epochs, this sweep planning ${plannedEpochs}): ${pairs.join('; ')}.`;
  const numbers = cells.flatMap((cell) => [
    { label: `reference final validation accuracy (${format.cell(cell)})`, value: cell.reference.valAccuracy },
    ...(cell.ours ? [{ label: `our final validation accuracy (${format.cell(cell)})`, value: cell.ours.valAccuracy }] : []),
  ]);
  return { topic: 'reference', text, numbers };
}

function describeRho(rho: number | null, shared: number): Finding {
  if (shared < 3) {
    const text = `Whether this sweep ranks the reference’s cells alike cannot be tested: Spearman’s ρ needs at least 3 cells both have finished, and there ${shared === 1 ? 'is' : 'are'} ${shared}.`;
    return { topic: 'reference', text, numbers: [{ label: 'cells both have finished', value: shared }] };
  }
  if (rho === null) {
    const text = `Spearman’s ρ over the ${shared} cells both have finished is undefined: one side's final validation accuracies are all tied.`;
    return { topic: 'reference', text, numbers: [{ label: 'cells both have finished', value: shared }] };
  }
  const verdict =
    rho === 1
      ? 'in the same order'
      : rho === -1
        ? 'in reverse order'
        : rho > 0
          ? 'in a similar order, not the same'
          : rho < 0
            ? 'in opposing orders'
            : 'with no relation between the orders';
  const text = `By final validation accuracy, the reference and this sweep rank the ${shared} cells both have finished ${verdict}: Spearman’s ρ = ${format.decimal(rho)} (average ranks for ties).`;
  return {
    topic: 'reference',
    text,
    numbers: [
      { label: 'Spearman’s ρ', value: rho },
      { label: 'cells both have finished', value: shared },
    ],
  };
}

function describeDifferences(differences: readonly ProtocolDifference[], disagree: boolean): Finding {
  const list = differences.map((difference) => `${difference.setting}, ${difference.reference} against ${difference.ours} here`).join('; ');
  const text =
    differences.length === 0
      ? 'This sweep follows the reference’s protocol in starting weights, width multiplier, input size, training-set size and epochs, so none of these can explain a difference between them.'
      : disagree
        ? `Where this sweep and the reference disagree, their protocols differ in ${differences.length} way${differences.length === 1 ? '' : 's'} that could explain it: ${list}.`
        : `The two protocols differ in ${differences.length} way${differences.length === 1 ? '' : 's'}, which a disagreement would have to be weighed against: ${list}.`;
  return { topic: 'reference', text, numbers: [{ label: 'protocol settings that differ from the reference', value: differences.length }] };
}

/**
 * Sets this sweep beside the reference study when it holds any of its cells (same batch
 * size and learning rate): both final results, whether the two rank the shared cells alike
 * (Spearman's ρ), and the reference's two findings checked on both sets of numbers.
 * @param protocol this sweep's settings, to name where its protocol differs from the reference's
 * @param reference the study to compare with
 * @default reference referenceStudy
 * @returns null result and no findings when the sweep holds none of the reference's cells
 */
export function compareWithReference(
  cells: readonly CellSummary[],
  protocol: StudyProtocol,
  reference: ReferenceStudyLike = referenceStudy,
): Concluded<ReferenceComparison | null> {
  const plannedEpochs = protocol.epochs;
  const held = reference.rows.flatMap((row): ReferenceCell[] => {
    const cell = cells.find(
      (candidate) => candidate.runs.length > 0 && candidate.batchSize === row.batchSize && isClose(candidate.learningRate, row.learningRate),
    );
    if (!cell) return [];
    const { loss, accuracy, valLoss, valAccuracy } = row;
    return [
      {
        batchSize: cell.batchSize,
        learningRate: cell.learningRate,
        referenceRun: row.run,
        reference: { loss, accuracy, valLoss, valAccuracy },
        ours: cell.meanFinal && { ...cell.meanFinal, repeats: cell.finished.length },
      },
    ];
  });
  if (held.length === 0) return { result: null, findings: [] };
  const shared: SharedCell[] = held.flatMap((cell) =>
    cell.ours ? [{ batchSize: cell.batchSize, learningRate: cell.learningRate, reference: cell.reference.valAccuracy, ours: cell.ours.valAccuracy }] : [],
  );
  const spearmanRho =
    shared.length >= 3
      ? computeSpearmanRho(
          shared.map((cell) => cell.reference),
          shared.map((cell) => cell.ours),
        )
      : null;
  const matters = checkLearningRateMatters(shared, reference.findings[0]);
  const smaller = checkSmallerRateForLargerBatch(shared, reference.findings[1]);
  const protocolDifferences = listProtocolDifferences({ ...reference, trainLimit: null }, protocol);
  const disagree = (spearmanRho !== null && spearmanRho < 1) || matters.result.agrees === false || smaller.result.agrees === false;
  const result = {
    referenceEpochs: reference.epochs,
    plannedEpochs,
    cells: held,
    sharedCells: shared.length,
    spearmanRho,
    learningRateMatters: matters.result,
    smallerRateForLargerBatch: smaller.result,
    protocolDifferences,
  };
  const findings = [
    describeSideBySide(held, reference.epochs, plannedEpochs),
    describeRho(spearmanRho, shared.length),
    ...matters.findings,
    ...smaller.findings,
    describeDifferences(protocolDifferences, disagree),
  ];
  return { result, findings };
}

import type { Concluded } from './finding.js';
import { format } from './format-values.js';
import { isClose } from './statistics/is-close.js';
import { describeAgreement, type SharedCell } from './shared-cell.js';

/** One larger batch size's lowest and highest shared learning rates, with each study's final validation accuracy (0–1). */
export interface LowerRateComparison {
  batchSize: number;
  lowerLearningRate: number;
  higherLearningRate: number;
  reference: { lower: number; higher: number };
  ours: { lower: number; higher: number };
}

/** The check of the reference's second finding: a smaller learning rate for a larger batch did not help. */
export interface SmallerRateForLargerBatchCheck {
  claim: string;
  /** Whether some batch size above the smallest shared one has two learning rates both studies finished. */
  checkable: boolean;
  /** The batch sizes compared, ascending. */
  comparisons: LowerRateComparison[];
  /** Whether, at every compared batch size, the lower learning rate did no better than the higher, in each study. */
  referenceHolds: boolean | null;
  oursHolds: boolean | null;
  agrees: boolean | null;
}

/**
 * Checks "a smaller learning rate for a larger batch did not help" on the cells both studies
 * finished: at each batch size above the smallest shared one, with two or more shared
 * learning rates, did the lowest give no higher final validation accuracy than the highest?
 * Decided on the reference's numbers and on ours alike.
 * @param claim the reference's wording of the finding
 */
export function checkSmallerRateForLargerBatch(shared: readonly SharedCell[], claim: string): Concluded<SmallerRateForLargerBatchCheck> {
  const smallest = Math.min(...shared.map((cell) => cell.batchSize));
  const larger = [...new Set(shared.map((cell) => cell.batchSize))].filter((batchSize) => batchSize > smallest).sort((a, b) => a - b);
  const comparisons = larger.flatMap((batchSize): LowerRateComparison[] => {
    const row = shared.filter((cell) => cell.batchSize === batchSize).sort((a, b) => a.learningRate - b.learningRate);
    if (row.length < 2) return [];
    const low = row[0]!;
    const high = row[row.length - 1]!;
    return [
      {
        batchSize,
        lowerLearningRate: low.learningRate,
        higherLearningRate: high.learningRate,
        reference: { lower: low.reference, higher: high.reference },
        ours: { lower: low.ours, higher: high.ours },
      },
    ];
  });
  const opening = `The reference’s second finding, “${claim}”`;
  if (comparisons.length === 0) {
    const result = { claim, checkable: false, comparisons, referenceHolds: null, oursHolds: null, agrees: null };
    const text = `${opening}, cannot be checked: it needs a batch size above the smallest shared one with two learning rates that both studies have finished.`;
    return { result, findings: [{ topic: 'reference', text, numbers: [{ label: 'cells both have finished', value: shared.length }] }] };
  }
  const didNotHelp = (pair: { lower: number; higher: number }) => pair.lower < pair.higher || isClose(pair.lower, pair.higher);
  const referenceHolds = comparisons.every((comparison) => didNotHelp(comparison.reference));
  const oursHolds = comparisons.every((comparison) => didNotHelp(comparison.ours));
  const result = { claim, checkable: true, comparisons, referenceHolds, oursHolds, agrees: referenceHolds === oursHolds };
  const pairs = comparisons.map(
    (comparison) =>
      `at batch ${comparison.batchSize}, LR ${format.learningRate(comparison.lowerLearningRate)} gave ${format.percent(comparison.reference.lower)} against ` +
      `${format.percent(comparison.reference.higher)} for LR ${format.learningRate(comparison.higherLearningRate)} in the reference, and ` +
      `${format.percent(comparison.ours.lower)} against ${format.percent(comparison.ours.higher)} in this sweep`,
  );
  const text = `${opening}: ${pairs.join('; ')}; ${describeAgreement(referenceHolds, oursHolds)}.`;
  const numbers = comparisons.flatMap((comparison) => {
    const at = (rate: number) => `(batch ${comparison.batchSize}, LR ${format.learningRate(rate)})`;
    return [
      { label: `reference final validation accuracy ${at(comparison.lowerLearningRate)}`, value: comparison.reference.lower },
      { label: `reference final validation accuracy ${at(comparison.higherLearningRate)}`, value: comparison.reference.higher },
      { label: `our final validation accuracy ${at(comparison.lowerLearningRate)}`, value: comparison.ours.lower },
      { label: `our final validation accuracy ${at(comparison.higherLearningRate)}`, value: comparison.ours.higher },
    ];
  });
  return { result, findings: [{ topic: 'reference', text, numbers }] };
}

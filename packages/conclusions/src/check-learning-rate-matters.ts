import type { Concluded } from './finding.js';
import { format } from './format-values.js';
import { describeAgreement, type SharedCell } from './shared-cell.js';

/** How much final validation accuracy moves with each axis, in one set of numbers. */
export interface AxisSpread {
  /** Mean over batch sizes (with two or more shared cells) of max − min accuracy across their learning rates, 0–1. */
  acrossLearningRates: number;
  /** Mean over learning rates (with two or more shared cells) of max − min accuracy across their batch sizes, 0–1. */
  acrossBatchSizes: number;
}

/** The check of the reference's first finding: the learning rate matters most. */
export interface LearningRateMattersCheck {
  claim: string;
  /** Whether the shared cells hold a batch size with two learning rates and a learning rate with two batch sizes. */
  checkable: boolean;
  /** The spreads on the reference's numbers, and on ours, over the shared cells; null when not checkable. */
  reference: AxisSpread | null;
  ours: AxisSpread | null;
  /** Whether the spread across learning rates exceeds the spread across batch sizes, in each. */
  referenceHolds: boolean | null;
  oursHolds: boolean | null;
  agrees: boolean | null;
}

function meanRange(cells: readonly SharedCell[], groupBy: 'batchSize' | 'learningRate', pick: 'reference' | 'ours'): number | null {
  const keys = [...new Set(cells.map((cell) => cell[groupBy]))];
  const ranges = keys.flatMap((key) => {
    const values = cells.filter((cell) => cell[groupBy] === key).map((cell) => cell[pick]);
    return values.length < 2 ? [] : [Math.max(...values) - Math.min(...values)];
  });
  return ranges.length === 0 ? null : ranges.reduce((sum, range) => sum + range, 0) / ranges.length;
}

/**
 * Checks "the learning rate matters most" on the cells both studies finished: does final
 * validation accuracy spread more across learning rates within a batch size than across
 * batch sizes within a learning rate? The spread of a group is its max − min, averaged over
 * the groups of two or more cells. Decided on the reference's numbers and on ours alike.
 * @param claim the reference's wording of the finding
 */
export function checkLearningRateMatters(shared: readonly SharedCell[], claim: string): Concluded<LearningRateMattersCheck> {
  const spreadOf = (pick: 'reference' | 'ours'): AxisSpread | null => {
    const acrossLearningRates = meanRange(shared, 'batchSize', pick);
    const acrossBatchSizes = meanRange(shared, 'learningRate', pick);
    return acrossLearningRates === null || acrossBatchSizes === null ? null : { acrossLearningRates, acrossBatchSizes };
  };
  const reference = spreadOf('reference');
  const ours = spreadOf('ours');
  const opening = `The reference’s first finding, “${claim}”`;
  if (!reference || !ours) {
    const result = { claim, checkable: false, reference: null, ours: null, referenceHolds: null, oursHolds: null, agrees: null };
    const text = `${opening}, cannot be checked: it needs, among the cells both have finished, a batch size with two learning rates and a learning rate with two batch sizes.`;
    return { result, findings: [{ topic: 'reference', text, numbers: [{ label: 'cells both have finished', value: shared.length }] }] };
  }
  const referenceHolds = reference.acrossLearningRates > reference.acrossBatchSizes;
  const oursHolds = ours.acrossLearningRates > ours.acrossBatchSizes;
  const result = { claim, checkable: true, reference, ours, referenceHolds, oursHolds, agrees: referenceHolds === oursHolds };
  const text =
    `${opening}: over the ${shared.length} cells both have finished, final validation accuracy spreads (max − min, averaged) ` +
    `${format.points(reference.acrossLearningRates)} across learning rates within a batch size and ${format.points(reference.acrossBatchSizes)} ` +
    `across batch sizes within a learning rate in the reference, against ${format.points(ours.acrossLearningRates)} and ` +
    `${format.points(ours.acrossBatchSizes)} in this sweep; on this measure ${describeAgreement(referenceHolds, oursHolds)}.`;
  const numbers = [
    { label: 'reference spread across learning rates', value: reference.acrossLearningRates },
    { label: 'reference spread across batch sizes', value: reference.acrossBatchSizes },
    { label: 'our spread across learning rates', value: ours.acrossLearningRates },
    { label: 'our spread across batch sizes', value: ours.acrossBatchSizes },
  ];
  return { result, findings: [{ topic: 'reference', text, numbers }] };
}

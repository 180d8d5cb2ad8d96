import type { CellKey } from './format-values.js';

/** A cell that both the reference study and this sweep have finished, with each one's final validation accuracy (0–1). */
export interface SharedCell extends CellKey {
  reference: number;
  ours: number;
}

/**
 * The closing clause of a reference-claim sentence: whether the reference's own numbers and
 * this sweep's bear the claim out, and so whether the two agree.
 */
export function describeAgreement(referenceHolds: boolean, oursHolds: boolean): string {
  if (referenceHolds && oursHolds) return 'both the reference’s own table and this sweep bear the claim out, so they agree';
  if (!referenceHolds && !oursHolds) return 'neither the reference’s own table nor this sweep bears the claim out, so they agree';
  if (referenceHolds) return 'the reference’s own table bears the claim out but this sweep does not, so they disagree';
  return 'this sweep bears the claim out but the reference’s own table does not, so they disagree';
}

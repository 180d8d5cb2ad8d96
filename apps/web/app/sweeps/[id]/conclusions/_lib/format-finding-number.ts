import { formatPercent } from '@/lib/format';

import { formatDecimal, formatLearningRate, formatPoints, formatPValue } from './format-conclusions';

/** One number a finding rests on, as the API sends it. */
export interface FindingNumberLike {
  /** Named as the sentence names it, e.g. `final validation accuracy (batch 32, LR 0.1)`. */
  label: string;
  /** Unrounded; accuracies are fractions 0–1. */
  value: number;
}

/**
 * Writes a finding's number the way its sentence does, chosen from its label:
 * ratios as `×100`, p-values as `p = 0.031`, epochs and counts as whole numbers,
 * slopes and ρ with two decimals, accuracy gaps and spreads in percentage
 * points, accuracies and relative tolerances as percentages, losses with three
 * decimals, learning rates to three significant digits. Anything else gets
 * three significant digits.
 */
export function formatFindingNumber({ label, value }: FindingNumberLike): string {
  const name = label.toLowerCase();
  if (name.includes('(ratio)')) return `×${Number(value.toPrecision(3))}`;
  if (name.startsWith('p-value')) return `p ${value < 0.001 ? '' : '= '}${formatPValue(value)}`;
  if (name.startsWith('significance level')) return String(value);
  // Before accuracy and loss: "epochs to 90% of the best validation accuracy" counts epochs,
  // "runs whose validation loss rose" counts runs.
  if (name.startsWith('epoch') || name.includes(' epochs')) return String(Math.round(value));
  if (/^(runs|cells|batch sizes|most finished|finished repeats)\b|\bruns$/.test(name)) return String(Math.round(value));
  if (name.includes('slope') || name.includes('ρ')) return formatDecimal(value, 2);
  if (name.includes('gap') || name.includes('spread')) return formatPoints(value);
  if (name.includes('accuracy') || name.startsWith('standard deviation') || name === 'relative tolerance') return formatPercent(value);
  if (name.includes('loss') || name.includes('nats')) return formatDecimal(value, 3);
  if (/^(largest stable|smallest diverged) learning rate/.test(name)) return formatLearningRate(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(3)));
}

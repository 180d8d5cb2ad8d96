import type { GridMetric } from '../grid/grid-metrics';
import type { ScaleDomain } from './sequential-scale';

/** How one metric's colour domain is chosen. */
export type DomainRule =
  /** Fixed by the metric: chance (the dark end) to 100 %, whatever the values. */
  | { kind: 'accuracy' }
  /** A loss in nats: on a log scale, fitted to the values but never narrower than a factor of `minRatio`. */
  | { kind: 'loss'; minRatio: number }
  /**
   * Linear, fitted to the values but never narrower than `minSpan`, nor than
   * `minRelativeSpan` of the largest value's size.
   */
  | { kind: 'linear'; minSpan: number; minRelativeSpan: number };

/**
 * A loss domain spans at least a decade. Cross-entropy is read in ratios, and
 * repeats of one combination differ by several per cent; 0.50 against 0.51
 * should look alike, and within a decade they sit under one colour level apart.
 */
export const LOSS_MIN_RATIO = 10;

/**
 * The train − validation gap's domain spans at least 5 percentage points: each
 * accuracy moves by a point or so between epochs and repeats, so the gap of
 * two cells closer than a few points is noise.
 */
export const GAP_MIN_SPAN = 0.05;

/**
 * A fitted linear domain spans at least a fifth of its largest value's size,
 * so that a large value's small wobble is not the whole gradient either.
 */
export const MIN_RELATIVE_SPAN = 0.2;

/**
 * Each metric's rule. A Record, so that a new metric cannot be coloured
 * without someone choosing what its ends mean.
 */
export const DOMAIN_RULES: Readonly<Record<GridMetric, DomainRule>> = {
  finalValAccuracy: { kind: 'accuracy' },
  bestValAccuracy: { kind: 'accuracy' },
  finalValLoss: { kind: 'loss', minRatio: LOSS_MIN_RATIO },
  accuracyGap: { kind: 'linear', minSpan: GAP_MIN_SPAN, minRelativeSpan: MIN_RELATIVE_SPAN },
};

/**
 * The accuracy a guess earns, or 0 where it is not known or makes no sense:
 * 1 / classes for a data set of that many balanced classes. With one class or
 * fewer (or no number at all) there is no chance level to start the scale from.
 */
export function chanceOrZero(chance: number | undefined): number {
  return chance !== undefined && Number.isFinite(chance) && chance > 0 && chance < 1 ? chance : 0;
}

/** Accuracy from chance to 100 %: the metric's own range, the same for every sweep of a data set. */
export function accuracyDomain(chance: number | undefined): ScaleDomain {
  return { min: chanceOrZero(chance), max: 1, log: false };
}

/** `min`–`max` widened about its middle to at least `span` wide. */
export function widenLinear(min: number, max: number, span: number): ScaleDomain {
  const pad = Math.max(0, span - (max - min)) / 2;
  return { min: min - pad, max: max + pad, log: false };
}

/** `min`–`max` (both > 0) widened about its geometric middle to at least a factor of `ratio`. */
export function widenLog(min: number, max: number, ratio: number): ScaleDomain {
  const pad = Math.sqrt(Math.max(1, ratio / (max / min)));
  return { min: min / pad, max: max * pad, log: true };
}

function extent(values: readonly number[]): { min: number; max: number } | null {
  return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The colour domain of `metric` for the values the grid shows, by its
 * {@link DOMAIN_RULES rule}. Non-finite values are ignored, and on a log scale
 * so are values ≤ 0 (they have no logarithm; the scale clamps them to its low end).
 *
 * @param chance - the accuracy a guess earns (1 / classes); the accuracy
 *   domain starts at 0 without it.
 * @returns null when there is no value to colour.
 */
export function fitHeatmapDomain(metric: GridMetric, values: readonly number[], chance?: number): ScaleDomain | null {
  const rule = DOMAIN_RULES[metric];
  const finite = values.filter(Number.isFinite);
  if (rule.kind === 'accuracy') return finite.length === 0 ? null : accuracyDomain(chance);
  if (rule.kind === 'loss') {
    const range = extent(finite.filter((value) => value > 0));
    return range === null ? null : widenLog(range.min, range.max, rule.minRatio);
  }
  const range = extent(finite);
  if (range === null) return null;
  const size = Math.max(Math.abs(range.min), Math.abs(range.max));
  return widenLinear(range.min, range.max, Math.max(rule.minSpan, rule.minRelativeSpan * size));
}

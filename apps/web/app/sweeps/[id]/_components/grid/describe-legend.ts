import { GRID_METRIC_DEFINITIONS, type GridMetric, type GridMetricDefinition } from './grid-metrics';
import { DOMAIN_RULES, type DomainRule } from '../heatmap/heatmap-domain';
import { viridisGradient, type SequentialScale } from '../heatmap/sequential-scale';

/** What the heatmap's colour legend says and draws. */
export interface LegendText {
  /** The dark (worse) end as the cells show values, e.g. `10.0% (chance)`; `–` without values. */
  worst: string;
  /** The bright (better) end, e.g. `100.0%`; `–` without values. */
  best: string;
  /** Under the bar: which way is better and how the ends were chosen. */
  caption: string;
  /** All of it as one sentence, for a screen reader. */
  label: string;
  /** The bar's CSS background: viridis, or one colour when the ends meet. */
  background: string;
}

/**
 * Whether the dark end is chance. An accuracy domain starts at chance when
 * chance is known and at 0 when it is not, so an accuracy end above 0 is chance.
 */
function worstIsChance(rule: DomainRule, scale: SequentialScale): boolean {
  return rule.kind === 'accuracy' && scale.worst !== null && scale.worst > 0;
}

/** How the rule placed the ends, in words. */
function describeRule(rule: DomainRule, definition: GridMetricDefinition, chanceKnown: boolean): string {
  switch (rule.kind) {
    case 'accuracy':
      return chanceKnown ? 'fixed from chance to 100 %' : 'fixed from 0 % to 100 % (chance not known)';
    case 'loss':
      return `log scale in nats, at least a factor of ${rule.minRatio} wide`;
    case 'linear':
      return `linear, at least ${definition.speak(rule.minSpan)} wide`;
  }
}

/** The bar: a gradient only where the ends differ, since a scale of one value has one colour. */
function legendBackground(scale: SequentialScale): string {
  const { domain } = scale;
  return domain !== null && domain.min === domain.max ? scale.colorOf(domain.min).fill : viridisGradient();
}

/**
 * The heatmap legend's text for `metric` coloured by `scale`: what value each
 * end stands for, marking chance, and why the ends are there, so that a reader
 * knows the colours are not stretched over the values shown.
 */
export function describeLegend(metric: GridMetric, scale: SequentialScale): LegendText {
  const definition = GRID_METRIC_DEFINITIONS[metric];
  const background = legendBackground(scale);
  if (scale.worst === null || scale.best === null) {
    return { worst: '–', best: '–', caption: 'no values yet', label: `Colour legend for ${definition.label}: no values yet`, background };
  }
  const rule = DOMAIN_RULES[metric];
  const chance = worstIsChance(rule, scale);
  const mark = chance ? ' (chance)' : '';
  const how = describeRule(rule, definition, chance);
  return {
    worst: `${definition.format(scale.worst)}${mark}`,
    best: definition.format(scale.best),
    caption: `worse → better (${definition.better} is better); ${how}; viridis`,
    label:
      `Colour legend for ${definition.label}: ${definition.speak(scale.worst)}${mark} at the dark end, the worse, ` +
      `to ${definition.speak(scale.best)} at the bright end, the better; ${how}`,
    background,
  };
}

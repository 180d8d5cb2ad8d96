import type { CurveChartModel } from './build-curve-charts';

/** Each chart's name, as its title and description say it. */
export const CURVE_CHART_NAMES: Readonly<Record<CurveChartModel['metric'], string>> = {
  loss: 'Loss',
  accuracy: 'Accuracy',
  noiseScale: 'Gradient noise scale',
};

/** Formats a chart's value: a loss with three significant digits, an accuracy as a percentage, a noise scale in whole images. */
export function formatCurveValue(metric: CurveChartModel['metric'], value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (metric === 'noiseScale') return `${value.toFixed(0)} images`;
  return metric === 'loss' ? value.toPrecision(3) : `${(value * 100).toFixed(1)}%`;
}

/**
 * A chart in words, for screen readers (and anyone who wants the numbers):
 * what it plots against what, then each run's or cell's newest drawn values,
 * e.g. "Loss of 2 runs against epoch, train solid and validation dashed.
 * run 12 · b 8 · lr 0.1 · rep 1: at epoch 3, train 0.520, validation 0.610."
 *
 * @param smoothing - the EMA weight in use, mentioned when above 0.
 */
export function describeCurveChart(model: CurveChartModel, smoothing: number): string {
  const name = CURVE_CHART_NAMES[model.metric];
  if (model.groups.length === 0) return `${name}: nothing to draw yet.`;
  const count = model.groups.length === 1 ? '1 series' : `${model.groups.length} series`;
  const noise = model.metric === 'noiseScale';
  const how = [
    `${name} of ${count} against ${model.xLabel}, ${noise ? 'B_simple measured on training batches' : 'train solid and validation dashed'}`,
    smoothing > 0 ? `smoothed (EMA weight ${smoothing})` : '',
    model.bands.length > 0 ? 'combined repeats as mean with a band of ±1 standard deviation' : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  const values = model.groups.map((group) =>
    group.last === null
      ? `${group.label}: no epochs yet.`
      : noise
        ? `${group.label}: at epoch ${group.last.epoch}, ${formatCurveValue(model.metric, group.last.train)}.`
        : `${group.label}: at epoch ${group.last.epoch}, train ${formatCurveValue(model.metric, group.last.train)}, validation ${formatCurveValue(model.metric, group.last.val)}.`,
  );
  return [`${how}.`, ...values].join(' ');
}

import type { CurveChartModel } from './build-curve-charts';

/** Formats a chart's value: a loss with three significant digits, an accuracy as a percentage. */
export function formatCurveValue(metric: CurveChartModel['metric'], value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
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
  const name = model.metric === 'loss' ? 'Loss' : 'Accuracy';
  if (model.groups.length === 0) return `${name}: nothing to draw yet.`;
  const count = model.groups.length === 1 ? '1 series' : `${model.groups.length} series`;
  const how = [
    `${name} of ${count} against ${model.xLabel}, train solid and validation dashed`,
    smoothing > 0 ? `smoothed (EMA weight ${smoothing})` : '',
    model.bands.length > 0 ? 'combined repeats as mean with a band of ±1 standard deviation' : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  const values = model.groups.map((group) =>
    group.last === null
      ? `${group.label}: no epochs yet.`
      : `${group.label}: at epoch ${group.last.epoch}, train ${formatCurveValue(model.metric, group.last.train)}, validation ${formatCurveValue(model.metric, group.last.val)}.`,
  );
  return [`${how}.`, ...values].join(' ');
}

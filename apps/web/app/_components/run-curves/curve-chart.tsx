'use client';

import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';

import { nearestDefinedIndex } from '../charts/nearest-defined-index';
import { withAlpha, type ChartTheme } from '../charts/read-chart-theme';
import { HIDDEN_SERIES_CLASS, UplotChart, type UplotChartOptions } from '../charts/uplot-chart';
import type { CurveChartModel, CurveSeries } from './build-curve-charts';
import type { XAxis } from './curve-x-axis';
import { describeCurveChart, formatCurveValue } from './describe-curve-chart';

/** Props of {@link CurveChart}. */
export interface CurveChartProps {
  model: CurveChartModel;
  xAxis: XAxis;
  /** Loss on a log₁₀ scale; ignored by the accuracy chart. */
  logLoss: boolean;
  /** The EMA weight in use, for the description. */
  smoothing: number;
}

const VAL_DASH = [6, 4];
/** Tick spacings of the count axes (epochs, steps, images): whole numbers only, 1, 2, 5, 10, 20, 50, … */
const WHOLE_INCREMENTS = Array.from({ length: 10 }, (_, e) => [1, 2, 5].map((m) => m * 10 ** e)).flat();
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** Tick and hover text of an x value: whole epochs, compact counts, seconds. */
function formatX(xAxis: XAxis, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (xAxis === 'time') return `${value.toFixed(value < 10 ? 1 : 0)} s`;
  return Number.isInteger(value) ? compact.format(value) : '';
}

function seriesOptions(spec: CurveSeries, metric: CurveChartModel['metric'], theme: ChartTheme): uPlot.Series {
  const colour = theme.series[spec.slot] ?? theme.text;
  const line = spec.role === 'line';
  return {
    label: spec.label,
    stroke: line ? colour : withAlpha(colour, spec.role === 'raw' ? 0.3 : 0.35),
    width: line ? 2 : 1,
    ...(spec.split === 'val' ? { dash: VAL_DASH } : {}),
    spanGaps: true,
    ...(line ? {} : { class: HIDDEN_SERIES_CLASS, points: { show: false } }),
    value: (_plot, raw) => formatCurveValue(metric, raw),
  };
}

/**
 * One chart of the curves (loss or accuracy) drawn with uPlot: each group's
 * colour from the palette, train solid and validation dashed, the smoothed
 * lines over faint raw ones, combined repeats over a ±1 sd band. Hovering
 * shows every series' value at the nearest epoch in the legend. The plot is
 * rebuilt only when what it draws changes shape (series, bands, scales); new
 * points go in with `setData`.
 */
export function CurveChart({ model, xAxis, logLoss, smoothing }: CurveChartProps) {
  const { metric, series, bands, xLabel } = model;
  const log = metric === 'loss' && logLoss;
  // What the options depend on, as one value: equal shapes keep the plot.
  const shape = JSON.stringify({ series, bands, xLabel, log, xAxis });
  const stable = useMemo(() => JSON.parse(shape) as { series: CurveSeries[]; bands: [number, number][] }, [shape]);

  const buildOptions = useCallback(
    (theme: ChartTheme): UplotChartOptions => {
      const yScale: uPlot.Scale = log
        ? { distr: 3, log: 10 }
        : metric === 'accuracy'
          ? { range: (_plot, min, max) => [Math.max(0, (min ?? 0) - 0.05), Math.min(1, (max ?? 1) + 0.05)] }
          : {};
      return {
        scales: { x: { time: false }, y: yScale },
        series: [{ label: xLabel, value: (_plot, raw) => formatX(xAxis, raw) }, ...stable.series.map((spec) => seriesOptions(spec, metric, theme))],
        bands: stable.bands.map(([upper, lower]) => ({
          series: [upper, lower],
          fill: withAlpha(theme.series[stable.series[upper - 1]?.slot ?? 0] ?? theme.text, 0.15),
        })),
        axes: [
          { label: xLabel, values: (_plot, splits) => splits.map((v) => formatX(xAxis, v)), ...(xAxis === 'time' ? {} : { incrs: WHOLE_INCREMENTS }) },
          {
            label: metric === 'loss' ? `loss (cross-entropy${log ? ', log scale' : ''})` : 'accuracy',
            size: 60,
            ...(metric === 'accuracy' ? { values: (_plot: uPlot, splits: number[]) => splits.map((v) => `${Math.round(v * 100)}%`) } : {}),
          },
        ],
        cursor: { dataIdx: (plot, seriesIndex, hovered) => nearestDefinedIndex(plot.data[0], plot.data[seriesIndex] ?? [], hovered) },
        legend: { live: true, markers: { dash: (plot, i) => (plot.series[i]?.dash === undefined ? 'solid' : 'dashed') } },
      };
    },
    [stable, metric, log, xLabel, xAxis],
  );

  const name = metric === 'loss' ? 'Loss' : 'Accuracy';
  const runs = model.groups.length;
  return (
    <div data-testid={`curves-${metric}`} data-series={runs} data-lines={series.filter((s) => s.role === 'line').length} data-points={model.data[0].length}>
      <UplotChart
        buildOptions={buildOptions}
        data={model.data}
        title={name}
        label={`${name} chart of ${runs === 1 ? '1 series' : `${runs} series`} against ${xLabel}`}
        description={describeCurveChart(model, smoothing)}
        fileName={`${metric}.png`}
        testId={`chart-${metric}`}
      />
    </div>
  );
}

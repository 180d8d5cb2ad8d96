'use client';

import { useMemo } from 'react';

import { LineChart, type LineBand, type LineSeries } from '../charts/line-chart/line-chart';
import type { CurveChartModel } from './build-curve-charts';
import type { XAxis } from './curve-x-axis';
import { CURVE_CHART_NAMES, describeCurveChart, formatCurveValue } from './describe-curve-chart';

/** Props of {@link CurveChart}. */
export interface CurveChartProps {
  model: CurveChartModel;
  xAxis: XAxis;
  /** Loss on a log₁₀ scale; ignored by the accuracy chart. */
  logLoss: boolean;
  /** The EMA weight in use, for the description. */
  smoothing: number;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** Tick and readout text of an x value: whole epochs, compact counts, seconds. */
function formatX(xAxis: XAxis, value: number): string {
  if (xAxis === 'time') return `${value.toFixed(value < 10 ? 1 : 0)} s`;
  return compact.format(value);
}

/** The model's series as the chart draws them: band edges become bands, the rest lines. */
function toLines({ data, series, bands }: CurveChartModel): { lines: LineSeries[]; shaded: LineBand[] } {
  const lines = series.flatMap((spec, index): LineSeries[] =>
    spec.role === 'upper' || spec.role === 'lower'
      ? []
      : [
          {
            key: `${spec.groupKey}-${spec.split}-${spec.role}`,
            label: spec.label,
            values: data[index + 1] ?? [],
            slot: spec.slot,
            dashed: spec.split === 'val',
            faint: spec.role === 'raw',
          },
        ],
  );
  const shaded = bands.map(([upper, lower]): LineBand => {
    const spec = series[upper - 1];
    return { key: `${spec?.groupKey}-${spec?.split}-band`, upper: data[upper] ?? [], lower: data[lower] ?? [], slot: spec?.slot ?? 0 };
  });
  return { lines, shaded };
}

/**
 * One chart of the curves (loss, accuracy or the gradient noise scale): each group's colour from the
 * palette, train solid and validation dashed, the smoothed lines over faint
 * raw ones, combined repeats over a ±1 sd band. Hovering shows every line's
 * value at the nearest epoch.
 */
export function CurveChart({ model, xAxis, logLoss, smoothing }: CurveChartProps) {
  const { metric, series, xLabel } = model;
  const log = metric === 'loss' && logLoss;
  const { lines, shaded } = useMemo(() => toLines(model), [model]);
  const name = CURVE_CHART_NAMES[metric];
  const runs = model.groups.length;
  return (
    <div data-testid={`curves-${metric}`} data-series={runs} data-lines={series.filter((s) => s.role === 'line').length} data-points={model.data[0].length}>
      <LineChart
        x={model.data[0]}
        series={lines}
        bands={shaded}
        xAxis={{ label: xLabel, format: (value) => formatX(xAxis, value), wholeNumbers: xAxis !== 'time' }}
        yAxis={
          metric === 'loss'
            ? { label: `loss (cross-entropy${log ? ', log scale' : ''})`, format: String, log }
            : metric === 'noiseScale'
              ? { label: 'B_simple (images)', format: (value) => compact.format(value) }
              : { label: 'accuracy', format: (value) => `${Math.round(value * 100)}%`, bounds: [0, 1] }
        }
        formatValue={(value) => formatCurveValue(metric, value)}
        title={name}
        label={`${name} chart of ${runs === 1 ? '1 series' : `${runs} series`} against ${xLabel}`}
        description={describeCurveChart(model, smoothing)}
        fileName={`${metric}.png`}
        testId={`chart-${metric}`}
      />
    </div>
  );
}

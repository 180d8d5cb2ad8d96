import type { ReactNode } from 'react';

import chartStyles from '../chart.module.css';
import { LEGEND_ROW_HEIGHT, LEGEND_SWATCH, type Placed } from './lay-out-legend';

/** One entry of a {@link ChartLegend}: a swatch drawn in a 22 × 12 box, and its words. */
export interface LegendEntry {
  key: string;
  /** SVG drawn with its origin at the swatch box's top left. */
  swatch: ReactNode;
  label: string;
}

/** Props of {@link ChartLegend}. */
export interface ChartLegendProps {
  /** The entries as `layOutLegend` placed them. */
  placed: readonly Placed<LegendEntry>[];
  /** Where the first row's baseline starts. */
  x: number;
  y: number;
}

/** A legend drawn inside the chart's SVG, so that a downloaded PNG keeps it. */
export function ChartLegend({ placed, x, y }: ChartLegendProps) {
  return (
    <g data-testid="chart-legend" transform={`translate(${x}, ${y})`}>
      {placed.map((entry) => (
        <g key={entry.key} transform={`translate(${entry.x}, ${entry.row * LEGEND_ROW_HEIGHT})`}>
          <g transform="translate(0, -9)">{entry.swatch}</g>
          <text className={chartStyles.legendText} x={LEGEND_SWATCH.width + LEGEND_SWATCH.gap} y={0}>
            {entry.label}
          </text>
        </g>
      ))}
    </g>
  );
}

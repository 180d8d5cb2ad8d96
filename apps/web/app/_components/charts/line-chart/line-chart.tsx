'use client';

import { useEffect, useId, useMemo, useRef, useState, type PointerEvent } from 'react';

import { BottomAxis } from '../axes/bottom-axis';
import chartStyles from '../chart.module.css';
import { DownloadPngButton } from '../download/download-png-button';
import { ChartLegend, type LegendEntry } from '../legend/chart-legend';
import { layOutLegend, LEGEND_ROW_HEIGHT } from '../legend/lay-out-legend';
import { createLinearScale, getLinearTicks, getNiceLinearExtent } from '../scales/linear-scale';
import { createLogScale, getLogExtent, getLogTicks } from '../scales/log-scale';
import { roundPosition, type Scale } from '../scales/scale';
import { bandPath, linePath, nearestIndex } from './line-paths';
import { nearestDefinedIndex } from './nearest-defined-index';

/** One line of a {@link LineChart}. */
export interface LineSeries {
  key: string;
  /** Its legend and readout label. */
  label: string;
  /** One value per x value; null where it has none. */
  values: readonly (number | null)[];
  /** Its colour: a slot (0-based) of the theme's `--series-N` palette. */
  slot: number;
  dashed: boolean;
  /** Drawn thin and faint behind the lines (raw values behind smoothed ones), and left out of the legend and the readout. */
  faint: boolean;
}

/** A shaded band between two edges, e.g. a mean ± 1 sd. */
export interface LineBand {
  key: string;
  upper: readonly (number | null)[];
  lower: readonly (number | null)[];
  slot: number;
}

/** Props of {@link LineChart}. */
export interface LineChartProps {
  /** The shared x values, ascending. */
  x: readonly number[];
  /** In draw order: faint series first, so the lines lie on top. */
  series: readonly LineSeries[];
  bands?: readonly LineBand[];
  xAxis: {
    label: string;
    format: (value: number) => string;
    /** Ticks on whole numbers only, for counts. */
    wholeNumbers?: boolean;
  };
  yAxis: {
    label: string;
    format: (value: number) => string;
    log?: boolean;
    /** The most the axis may show, e.g. [0, 1] for an accuracy; a linear axis then pads its data by 0.05 within it. */
    bounds?: readonly [number, number];
  };
  /** A value as the readout prints it. */
  formatValue: (value: number) => string;
  /** Shown above the chart, and the downloaded file's chart name. */
  title: string;
  /** The drawing's accessible name, e.g. "Loss chart of 2 series against epoch". */
  label: string;
  /** What the drawing shows, in words: read as its description. */
  description: string;
  fileName: string;
  /** `data-testid` of the figure. */
  testId?: string;
  /** Height of the plot area, in SVG units. @default 240 */
  plotHeight?: number;
}

const MARGIN = { left: 64, right: 16, bottom: 44 } as const;
const LEGEND_TOP = 16;
/** Width before the container is measured (and on the server). */
const INITIAL_WIDTH = 640;
/** Pixels per x tick, about. */
const X_TICK_SPACING = 90;

function extentOf(values: readonly number[]): [number, number] | null {
  if (values.length === 0) return null;
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

function yScaleOf(
  values: readonly number[],
  log: boolean,
  bounds: readonly [number, number] | undefined,
  range: [number, number],
): { scale: Scale; ticks: number[] } {
  if (log) {
    const positive = values.filter((value) => value > 0);
    const domain = positive.length === 0 ? ([0.1, 10] as [number, number]) : getLogExtent(positive, 1.15);
    return { scale: createLogScale({ domain, range }), ticks: getLogTicks(...domain) };
  }
  const extent = extentOf(values) ?? bounds ?? [0, 1];
  const domain: [number, number] =
    bounds === undefined ? getNiceLinearExtent(...extent) : [Math.max(bounds[0], extent[0] - 0.05), Math.min(bounds[1], extent[1] + 0.05)];
  return { scale: createLinearScale({ domain, range }), ticks: getLinearTicks(...domain) };
}

/** A palette slot's colour, as the theme defines it. */
function seriesColour(slot: number): string {
  return `var(--series-${slot + 1})`;
}

const NO_BANDS: readonly LineBand[] = [];

/**
 * A line chart drawn as SVG: lines (solid or dashed) in the theme's palette
 * over faint ones and shaded bands on a grid, linear or log y, a legend inside the
 * drawing (so a downloaded PNG keeps it), and, under the pointer, a cursor
 * with each line's value at the nearest x it has a value for. Each series is
 * one `<path>`, so long live curves stay cheap to redraw. It follows its
 * container's width, so text keeps its size; Download PNG saves the drawing
 * in the page's theme.
 */
export function LineChart(props: LineChartProps) {
  const { x, series, bands = NO_BANDS, xAxis, yAxis, formatValue, title, label, description, fileName, testId, plotHeight = 240 } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(INITIAL_WIDTH);
  const [hovered, setHovered] = useState<number | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(Math.max(280, measured));
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  const lines = useMemo(() => series.filter((line) => !line.faint), [series]);
  const { wholeNumbers } = xAxis;
  const { log = false, bounds } = yAxis;
  const [low, high] = bounds ?? [];
  // Everything but the cursor and the readout: computed again only when the data or the size
  // change, not as the pointer moves.
  const drawing = useMemo(() => {
    const legend = layOutLegend<LegendEntry>(
      lines.map((line) => ({
        key: line.key,
        label: line.label,
        swatch: (
          <line className={line.dashed ? chartStyles.dashedLine : chartStyles.line} style={{ stroke: seriesColour(line.slot) }} x1={0} y1={6} x2={22} y2={6} />
        ),
      })),
      width - MARGIN.left - MARGIN.right,
    );
    const left = MARGIN.left;
    const right = width - MARGIN.right;
    const top = LEGEND_TOP + legend.rows * LEGEND_ROW_HEIGHT + 10;
    const bottom = top + plotHeight;
    const values = [...series.map((line) => line.values), ...bands.flatMap((band) => [band.upper, band.lower])]
      .flat()
      .filter((value): value is number => value !== null && Number.isFinite(value));
    const xDomain = extentOf(x) ?? [0, 1];
    const xScale = createLinearScale({ domain: xDomain, range: [left, right] });
    const xTicks = getLinearTicks(...xDomain, { count: Math.max(2, Math.floor((right - left) / X_TICK_SPACING)), wholeNumbers });
    const yBounds = low === undefined || high === undefined ? undefined : ([low, high] as const);
    const { scale: yScale, ticks: yTicks } = yScaleOf(values, log, yBounds, [bottom, top]);
    return {
      legend,
      left,
      right,
      top,
      bottom,
      height: bottom + MARGIN.bottom,
      xScale,
      xTicks,
      yScale,
      yTicks,
      bandPaths: bands.map((band) => bandPath(x, band.upper, band.lower, xScale, yScale)),
      linePaths: series.map((line) => linePath(x, line.values, xScale, yScale)),
    };
  }, [x, series, lines, bands, width, plotHeight, wholeNumbers, log, low, high]);
  const { legend, left, right, top, bottom, height, xScale, xTicks, yScale, yTicks, bandPaths, linePaths } = drawing;

  const onPointerMove = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (box === undefined || box.width === 0) return;
    const index = nearestIndex(x, xScale.invert(((event.clientX - box.left) * width) / box.width));
    setHovered(index < 0 ? null : index);
  };
  const readout =
    hovered === null || hovered >= x.length
      ? null
      : lines.map((line) => {
          const at = nearestDefinedIndex(x, line.values, hovered);
          return { line, at, value: line.values[at] ?? null };
        });
  const cursorX = hovered === null ? null : roundPosition(xScale(x[hovered] ?? 0));

  return (
    <figure className={chartStyles.figure} aria-labelledby={titleId} data-testid={testId}>
      <figcaption className={chartStyles.head}>
        <span id={titleId} className={chartStyles.title}>
          {title}
        </span>
        <DownloadPngButton chartRef={containerRef} filename={fileName} chartName={`the ${title.toLowerCase()} chart`} />
      </figcaption>
      <div ref={containerRef} className={chartStyles.plot}>
        <svg className={chartStyles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} aria-describedby={descriptionId}>
          <ChartLegend x={left} y={LEGEND_TOP} placed={legend.placed} />
          {yTicks.map((tick) => (
            <g key={`y${tick}`}>
              <line className={chartStyles.gridline} x1={left} x2={right} y1={roundPosition(yScale(tick))} y2={roundPosition(yScale(tick))} />
              <text className={chartStyles.tickLabel} x={left - 8} y={roundPosition(yScale(tick))} dy="0.32em" textAnchor="end">
                {yAxis.format(tick)}
              </text>
            </g>
          ))}
          <BottomAxis
            ticks={xTicks}
            x={(value) => roundPosition(xScale(value))}
            format={xAxis.format}
            left={left}
            right={right}
            top={top}
            bottom={bottom}
            title={xAxis.label}
            titleY={height - 8}
          />
          <line className={chartStyles.axis} x1={left} x2={left} y1={top} y2={bottom} />
          <text className={chartStyles.axisTitle} transform={`translate(14, ${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
            {yAxis.label}
          </text>
          <g data-testid="chart-bands">
            {bands.map((band, index) => (
              <path key={band.key} className={chartStyles.band} style={{ fill: seriesColour(band.slot) }} d={bandPaths[index]} />
            ))}
          </g>
          <g data-testid="chart-lines">
            {series.map((line, index) => (
              <path
                key={line.key}
                className={line.faint ? chartStyles.faintLine : line.dashed ? chartStyles.dashedLine : chartStyles.line}
                style={{ stroke: seriesColour(line.slot) }}
                d={linePaths[index]}
                data-faint={line.faint}
                data-label={line.label}
              />
            ))}
          </g>
          {cursorX !== null && readout !== null && (
            <g>
              <line className={chartStyles.cursor} x1={cursorX} x2={cursorX} y1={top} y2={bottom} />
              {readout.map(
                ({ line, at, value }) =>
                  value !== null && (
                    <circle
                      key={line.key}
                      className={chartStyles.cursorPoint}
                      style={{ fill: seriesColour(line.slot) }}
                      cx={roundPosition(xScale(x[at] ?? 0))}
                      cy={roundPosition(yScale(value))}
                      r={3.5}
                    />
                  ),
              )}
            </g>
          )}
          <rect
            className={chartStyles.pointerArea}
            x={left}
            y={top}
            width={Math.max(0, right - left)}
            height={plotHeight}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setHovered(null)}
            data-testid="chart-pointer-area"
          />
        </svg>
        {readout !== null && cursorX !== null && (
          <div
            className={chartStyles.readout}
            style={cursorX > width / 2 ? { right: `${((width - cursorX + 12) / width) * 100}%` } : { left: `${((cursorX + 12) / width) * 100}%` }}
            data-testid="chart-readout"
            aria-hidden="true"
          >
            <div className={chartStyles.readoutX}>
              {xAxis.label} {xAxis.format(x[hovered ?? 0] ?? 0)}
            </div>
            {readout.map(({ line, value }) => (
              <div key={line.key} className={chartStyles.readoutRow} data-testid="readout-row">
                <span className={line.dashed ? chartStyles.readoutDashed : chartStyles.readoutSwatch} style={{ borderColor: seriesColour(line.slot) }} />
                <span>{line.label}</span>
                <span className={chartStyles.readoutValue} data-testid="readout-value">
                  {value === null ? '–' : formatValue(value)}
                </span>
              </div>
            ))}
          </div>
        )}
      </div>
      <p id={descriptionId} className="visually-hidden">
        {description}
      </p>
    </figure>
  );
}

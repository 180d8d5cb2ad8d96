'use client';

// uPlot draws on a canvas, weighs about 50 kB, and is built for tens of
// thousands of points with live appends (`setData` on an existing plot): a
// sweep's curves are many runs × epochs, growing while they train. SVG
// charting libraries build one DOM node per point and slow down well before that.
import 'uplot/dist/uPlot.min.css';

import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';

import { composeChartImage } from './compose-chart-image';
import { downloadCanvasPng } from './download-canvas-png';
import type { ChartTheme } from './read-chart-theme';
import { useChartTheme } from './use-chart-theme';

/** The class of series left out of the legend and of a downloaded image's legend. */
export const HIDDEN_SERIES_CLASS = 'chart-aux';

/** uPlot options without what the wrapper sets: size (from the container) and data. */
export type UplotChartOptions = Omit<uPlot.Options, 'width' | 'height' | 'data'>;

/** Props of {@link UplotChart}. */
export interface UplotChartProps {
  /**
   * Builds the plot's options with the page theme's colours. Pass a stable
   * function (`useCallback`): a new one, or a change of theme, re-creates the
   * plot; new `data` alone does not.
   */
  buildOptions: (theme: ChartTheme) => UplotChartOptions;
  /** uPlot's aligned data, `[x, …series]`; a new array redraws the plot in place with `setData`. */
  data: uPlot.AlignedData;
  /** Shown above the chart, and drawn into a downloaded image. */
  title: string;
  /** The drawing's accessible name, e.g. "Loss chart". */
  label: string;
  /** What the drawing shows, in words, for those who cannot see it: read as its description. */
  description: string;
  /** Height of the plot area and axes, in CSS pixels. @default 280 */
  height?: number;
  /** Name of the downloaded image. @default 'chart.png' */
  fileName?: string;
  /** `data-testid` of the figure. */
  testId?: string;
}

/** Axis colours from the theme, over what the caller set. */
function themeAxes(axes: uPlot.Axis[] | undefined, theme: ChartTheme): uPlot.Axis[] {
  return (axes ?? [{}, {}]).map((axis) => ({
    stroke: theme.text,
    grid: { stroke: theme.grid, width: 1, ...axis.grid },
    ticks: { stroke: theme.axis, width: 1, ...axis.ticks },
    ...axis,
  }));
}

/**
 * A uPlot chart in React. It creates the plot once (again only when
 * `buildOptions`, the theme or the height change), hands it new data with
 * `setData` so live points append without a rebuild, follows its container's
 * width with a `ResizeObserver`, and destroys the plot on unmount. Colours
 * come from the theme's CSS custom properties (`useChartTheme`). The canvas is
 * an image with `label` as its name and `description` as its description;
 * uPlot's legend (hover values) stays an HTML table. "Download PNG" saves the
 * canvas with a title, the legend and the theme's background
 * ({@link composeChartImage}).
 */
export function UplotChart({ buildOptions, data, title, label, description, height = 280, fileName = 'chart.png', testId }: UplotChartProps) {
  const theme = useChartTheme();
  const containerRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  const shownData = useRef<uPlot.AlignedData | null>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;

  useEffect(() => {
    dataRef.current = data;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (container === null || theme === null) return undefined;
    const options = buildOptions(theme);
    const plot = new uPlot(
      { ...options, axes: themeAxes(options.axes, theme), width: Math.max(200, Math.floor(container.clientWidth)), height },
      dataRef.current,
      container,
    );
    shownData.current = dataRef.current;
    plotRef.current = plot;
    const canvas = plot.ctx.canvas;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-describedby', descriptionId);
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height });
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [buildOptions, theme, height, descriptionId]);

  useEffect(() => {
    const plot = plotRef.current;
    if (plot === null || shownData.current === data) return;
    shownData.current = data;
    plot.setData(data);
  }, [data]);

  // The name can change with the data (a run added); the plot need not be rebuilt for it.
  useEffect(() => {
    plotRef.current?.ctx.canvas.setAttribute('aria-label', label);
  });

  const download = () => {
    const plot = plotRef.current;
    if (plot === null || theme === null) return;
    void downloadCanvasPng(composeChartImage(plot, { title, theme, hiddenClass: HIDDEN_SERIES_CLASS }), fileName);
  };

  return (
    <figure className="chart" aria-labelledby={titleId} data-testid={testId}>
      <figcaption className="chart-head">
        <span id={titleId} className="chart-title-text">
          {title}
        </span>
        <button type="button" className="button button-small" onClick={download} disabled={theme === null}>
          Download PNG<span className="visually-hidden"> of the {title.toLowerCase()} chart</span>
        </button>
      </figcaption>
      <div ref={containerRef} className="chart-plot" style={{ minHeight: height }} />
      <p id={descriptionId} className="visually-hidden">
        {description}
      </p>
    </figure>
  );
}

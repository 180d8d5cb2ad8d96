import type uPlot from 'uplot';

import type { ChartTheme } from './read-chart-theme';

/** Options of {@link composeChartImage}. */
export interface ComposeChartImageOptions {
  /** Drawn above the plot. */
  title: string;
  theme: ChartTheme;
  /** Series class names left out of the legend (faint lines, band edges). */
  hiddenClass?: string;
}

function strokeOf(plot: uPlot, index: number): string {
  const stroke = plot.series[index]?.stroke;
  const value: unknown = typeof stroke === 'function' ? stroke(plot, index) : stroke;
  return typeof value === 'string' ? value : '#888888';
}

/**
 * Draws a chart as one image: the theme's background, the title, uPlot's own
 * canvas (plot area and axes, at its device-pixel size) and a legend of the
 * shown series (a stroke swatch, dashed for dashed series, and the label),
 * wrapped to the plot's width. uPlot's legend is HTML beside its canvas, so
 * without this the image would have no legend.
 *
 * @returns a new canvas; `toBlob` it for a PNG.
 */
export function composeChartImage(plot: uPlot, { title, theme, hiddenClass }: ComposeChartImageOptions): HTMLCanvasElement {
  const source = plot.ctx.canvas;
  const ratio = source.width / Math.max(1, plot.width);
  const pad = 12 * ratio;
  const titleHeight = 26 * ratio;
  const rowHeight = 20 * ratio;
  const swatch = 22 * ratio;
  const font = `${12 * ratio}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;

  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('expected a 2D canvas context, got none');
  ctx.font = font;
  const entries = plot.series
    .map((series, index) => ({ series, index }))
    .filter(({ series, index }) => index > 0 && series.show !== false && !(hiddenClass && series.class?.includes(hiddenClass)))
    .map(({ series, index }) => {
      const label = typeof series.label === 'string' ? series.label : (series.label?.textContent ?? '');
      return { label, stroke: strokeOf(plot, index), dash: series.dash ?? [], width: swatch + 6 * ratio + ctx.measureText(label).width + 18 * ratio };
    });
  // Lay the legend out in rows no wider than the plot.
  const rows: (typeof entries)[] = [[]];
  let used = 0;
  for (const entry of entries) {
    if (used + entry.width > source.width && used > 0) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)?.push(entry);
    used += entry.width;
  }
  const legendHeight = entries.length === 0 ? 0 : rows.length * rowHeight + pad / 2;

  canvas.width = source.width + 2 * pad;
  canvas.height = pad + titleHeight + source.height + legendHeight + pad;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = theme.text;
  ctx.font = `600 ${14 * ratio}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, pad, pad + titleHeight / 2);
  ctx.drawImage(source, pad, pad + titleHeight);

  ctx.font = font;
  rows.forEach((row, r) => {
    let x = pad;
    const y = pad + titleHeight + source.height + pad / 2 + r * rowHeight + rowHeight / 2;
    for (const entry of row) {
      ctx.strokeStyle = entry.stroke;
      ctx.lineWidth = 2 * ratio;
      ctx.setLineDash(entry.dash.map((d) => d * ratio));
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + swatch, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = theme.text;
      ctx.fillText(entry.label, x + swatch + 6 * ratio, y);
      x += entry.width;
    }
  });
  return canvas;
}

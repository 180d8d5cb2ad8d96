import { OKABE_ITO_LIGHT } from './okabe-ito';

/** Colours a canvas chart draws with, read from the page's theme (`app/globals.css`). */
export interface ChartTheme {
  /** Behind the chart, and behind a downloaded image: `--panel`. */
  background: string;
  /** Axis labels and titles: `--text`. */
  text: string;
  /** Tick labels: `--muted`. */
  muted: string;
  /** Grid lines: `--border`. */
  grid: string;
  /** Axis lines and ticks: `--border-strong`. */
  axis: string;
  /** The categorical palette, `--series-1` … `--series-8`. */
  series: readonly string[];
  dark: boolean;
}

/** Colours for when the stylesheet defines none: the light theme's. */
const FALLBACK = { background: '#ffffff', text: '#1d2330', muted: '#5f6b7e', grid: '#d9dde5', axis: '#9aa3b2' } as const;

/**
 * Reads the chart colours from the custom properties of the page's root
 * element (`getComputedStyle(document.documentElement)`), each falling back to
 * the light theme's value when the property is not set.
 */
export function readChartTheme(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>, dark: boolean): ChartTheme {
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--panel', FALLBACK.background),
    text: read('--text', FALLBACK.text),
    muted: read('--muted', FALLBACK.muted),
    grid: read('--border', FALLBACK.grid),
    axis: read('--border-strong', FALLBACK.axis),
    series: OKABE_ITO_LIGHT.map((fallback, i) => read(`--series-${i + 1}`, fallback)),
    dark,
  };
}

/**
 * A colour with an opacity, for faint lines and bands: `#rgb` and `#rrggbb`
 * become `rgba(…)`; any other colour is returned as it is (opaque).
 *
 * @param alpha - 0 (transparent) to 1.
 */
export function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (hex === undefined) return colour;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

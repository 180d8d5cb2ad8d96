import { formatHex, parseHex, pickTextColor, type Rgb } from './pick-text-color';

/**
 * Viridis (matplotlib's default since 2.0, by van der Walt and Smith) at
 * eleven evenly spaced points, dark purple to yellow. It is perceptually
 * uniform, reads in order for the common colour-vision deficiencies and in
 * greyscale, since its lightness rises monotonically.
 */
export const VIRIDIS_STOPS = ['#440154', '#482475', '#414487', '#355f8d', '#2a788e', '#21918c', '#22a884', '#44bf70', '#7ad151', '#bddf26', '#fde725'] as const;

const STOPS: readonly Rgb[] = VIRIDIS_STOPS.map(parseHex);

/**
 * Viridis at `t`: 0 is its dark end, 1 its bright end, linear in sRGB between
 * the eleven stops; `t` outside [0, 1] is clamped.
 * @returns `#rrggbb`
 */
export function sampleViridis(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (STOPS.length - 1);
  const index = Math.min(STOPS.length - 2, Math.floor(position));
  const from = STOPS[index]!;
  const to = STOPS[index + 1]!;
  const f = position - index;
  return formatHex({ r: from.r + (to.r - from.r) * f, g: from.g + (to.g - from.g) * f, b: from.b + (to.b - from.b) * f });
}

/**
 * How many colours the scale hands out, evenly spaced along viridis. A colormap
 * is a lookup table anyway (matplotlib's viridis has 256 entries); 64 keeps
 * neighbouring shades indistinguishable, yet lets a small move of the range
 * (a live run's new best) leave most cells their colour, so a live grid of a
 * thousand cells repaints the few whose colour moved rather than all of them.
 */
export const SCALE_LEVELS = 64;

/** A cell's fill and the text colour that contrasts with it. */
export interface ScaleColor {
  fill: string;
  text: '#000000' | '#ffffff';
}

/**
 * The values a scale's two ends stand for. It is chosen from the metric, not
 * fitted to the values shown (see `fitHeatmapDomain`), so that differences
 * smaller than the noise do not span the whole colour range.
 */
export interface ScaleDomain {
  /** The smaller end; equal to `max` for a scale of one colour. */
  min: number;
  max: number;
  /**
   * Place values by their logarithm, so equal ratios are equal steps of colour,
   * as a loss is read. Needs `min` > 0.
   */
  log: boolean;
}

/** A colour scale over a {@link ScaleDomain}. */
export interface SequentialScale {
  /** null when there are no values to colour. */
  domain: ScaleDomain | null;
  /** The value at the scale's dark end (the worse one) and at its bright end (the better one). */
  worst: number | null;
  best: number | null;
  /** Where a value sits, 0 (worst) to 1 (best), clamped to the ends; 0.5 when the domain has no width. */
  position(value: number): number;
  /** The colour of the nearest of the {@link SCALE_LEVELS} levels to the value's position. */
  colorOf(value: number): ScaleColor;
}

function clampUnit(t: number): number {
  // NaN is the log of a negative value: below any log domain's low end.
  return Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
}

/** Where `value` sits from `domain.min` (0) to `domain.max` (1), clamped; null when the domain has no width. */
function fraction(domain: ScaleDomain, value: number): number | null {
  const axis = domain.log ? Math.log : (x: number) => x;
  const low = axis(domain.min);
  const high = axis(domain.max);
  return high === low ? null : clampUnit((axis(value) - low) / (high - low));
}

/**
 * Viridis over `domain`, so that the better end is always the bright one: for
 * a metric where lower is better (a loss, the overfitting gap) the scale is
 * reversed, and the domain's smaller end is yellow. Values outside the domain
 * take the colour of the nearer end: an accuracy below chance is as bad as
 * chance.
 */
export function createSequentialScale(domain: ScaleDomain | null, better: 'higher' | 'lower'): SequentialScale {
  const position = (value: number): number => {
    const t = domain === null ? null : fraction(domain, value);
    if (t === null) return 0.5;
    return better === 'higher' ? t : 1 - t;
  };
  return {
    domain,
    worst: domain === null ? null : better === 'higher' ? domain.min : domain.max,
    best: domain === null ? null : better === 'higher' ? domain.max : domain.min,
    position,
    colorOf: (value) => {
      const fill = sampleViridis(Math.round(position(value) * (SCALE_LEVELS - 1)) / (SCALE_LEVELS - 1));
      return { fill, text: pickTextColor(parseHex(fill)) };
    },
  };
}

/** A CSS `linear-gradient` through viridis, dark end on the left, for the legend. */
export function viridisGradient(): string {
  return `linear-gradient(to right, ${VIRIDIS_STOPS.map((stop, i) => `${stop} ${((i / (VIRIDIS_STOPS.length - 1)) * 100).toFixed(0)}%`).join(', ')})`;
}

import { formatHex, parseHex, pickTextColor, type Rgb } from './pick-text-color';

/**
 * Viridis (matplotlib's default since 2.0, by van der Walt and Smith) at
 * eleven evenly spaced points, dark purple to yellow. It is perceptually
 * uniform, reads in order for the common colour-vision deficiencies and in
 * greyscale, since its lightness rises monotonically.
 */
export const VIRIDIS_STOPS = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
  '#bddf26',
  '#fde725',
] as const;

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

/** A colour scale fitted to the values the grid shows. */
export interface SequentialScale {
  /** Smallest and largest value; null when there are no values. */
  domain: { min: number; max: number } | null;
  /** The value at the scale's dark end (the worse one) and at its bright end (the better one). */
  worst: number | null;
  best: number | null;
  /** Where a value sits, 0 (worst) to 1 (best); 0.5 when every value is the same. */
  position(value: number): number;
  /** The colour of the nearest of the {@link SCALE_LEVELS} levels to the value's position. */
  colorOf(value: number): ScaleColor;
}

/**
 * Fits viridis to `values` so that the better end is always the bright one:
 * for a metric where lower is better (a loss, the overfitting gap) the scale is
 * reversed, and the smallest value is yellow. Non-finite values are ignored.
 */
export function createSequentialScale(values: readonly number[], better: 'higher' | 'lower'): SequentialScale {
  const finite = values.filter(Number.isFinite);
  const domain = finite.length === 0 ? null : { min: Math.min(...finite), max: Math.max(...finite) };
  const position = (value: number): number => {
    if (domain === null || domain.max === domain.min) return 0.5;
    const t = (value - domain.min) / (domain.max - domain.min);
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

import { roundPosition } from '../scales/scale';

/** One series' values along the shared x values; null or undefined where it has none. */
export type SeriesValues = ArrayLike<number | null | undefined>;

function defined(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/**
 * An SVG path through a series' points, in x order, joining across missing
 * values (runs logged at different steps leave gaps on a shared x axis), as
 * one `<path>` for the whole series: thousands of points stay one DOM node.
 * @returns `''` when the series has no point
 */
export function linePath(xs: ArrayLike<number>, ys: SeriesValues, x: (value: number) => number, y: (value: number) => number): string {
  const parts: string[] = [];
  for (let i = 0; i < xs.length; i++) {
    const value = ys[i];
    if (!defined(value)) continue;
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${roundPosition(x(xs[i] ?? 0))},${roundPosition(y(value))}`);
  }
  return parts.join('');
}

/**
 * A closed SVG path between two series (a band's upper and lower edges):
 * along the upper edge forwards and the lower edge back, over the x values
 * where both have a value.
 * @returns `''` when they share no point
 */
export function bandPath(xs: ArrayLike<number>, upper: SeriesValues, lower: SeriesValues, x: (value: number) => number, y: (value: number) => number): string {
  const shared: number[] = [];
  for (let i = 0; i < xs.length; i++) if (defined(upper[i]) && defined(lower[i])) shared.push(i);
  if (shared.length === 0) return '';
  const point = (i: number, values: SeriesValues) => `${roundPosition(x(xs[i] ?? 0))},${roundPosition(y(values[i] as number))}`;
  const forwards = shared.map((i) => point(i, upper));
  const back = shared.toReversed().map((i) => point(i, lower));
  return `M${[...forwards, ...back].join('L')}Z`;
}

/**
 * The index of the x value nearest `value` in ascending `xs` (ties go left),
 * by bisection: where a pointer over the plot is.
 * @returns -1 when `xs` is empty
 */
export function nearestIndex(xs: ArrayLike<number>, value: number): number {
  if (xs.length === 0) return -1;
  let low = 0;
  let high = xs.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if ((xs[middle] ?? 0) <= value) low = middle;
    else high = middle;
  }
  return Math.abs(value - (xs[low] ?? 0)) <= Math.abs((xs[high] ?? 0) - value) ? low : high;
}

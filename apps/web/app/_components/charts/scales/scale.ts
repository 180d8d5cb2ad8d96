/** Options of a scale: where its values lie and where they are drawn. */
export interface ScaleOptions {
  /** The values at the two ends; either order. */
  domain: readonly [number, number];
  /** The positions (SVG units) they map to; `[bottom, top]` for a y axis, as SVG y grows downwards. */
  range: readonly [number, number];
}

/** A map from values to positions along an axis, linear or logarithmic. */
export interface Scale {
  /** The position of `value`; values outside the domain extrapolate. */
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** The value at `position`: the inverse of the scale. */
  invert(position: number): number;
}

/**
 * A position rounded to hundredths of an SVG unit. `Math.log` and `Math.exp`
 * may differ in their last bit between the server's engine and the browser's,
 * which would make the server's HTML and the first client render disagree
 * (a hydration error); no one sees a hundredth of a unit.
 */
export function roundPosition(position: number): number {
  return Math.round(position * 100) / 100;
}

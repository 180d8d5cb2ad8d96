/** A drawing area for a sparkline, in SVG units. */
export interface SparklineBox {
  width: number;
  height: number;
  /** Space kept free at each edge so the stroke is not clipped. */
  inset: number;
}

/** The value range the sparklines of one grid share, so they compare across cells. */
export interface SparklineDomain {
  min: number;
  max: number;
}

/**
 * The validation accuracies of a grid's runs as one shared range: their
 * smallest and largest finite value, widened to at least 0.02 wide (so a flat
 * line sits in the middle rather than on an edge) and kept within [0, 1].
 * @returns null when no run has a finite value yet.
 */
export function buildSparklineDomain(values: Iterable<number>): SparklineDomain | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  if (min > max) return null;
  const pad = Math.max(0, 0.02 - (max - min)) / 2;
  let low = min - pad;
  let high = max + pad;
  // Near an end of [0, 1], the widened range slides inwards rather than shrinking.
  if (high > 1) [low, high] = [low - (high - 1), 1];
  if (low < 0) [low, high] = [0, high - low];
  return { min: Math.max(0, low), max: Math.min(1, high) };
}

/**
 * The `points` of an SVG polyline for one run's validation accuracy per epoch:
 * x from epoch 1 at the left to `plannedEpochs` at the right (so the line grows
 * rightwards as the run trains), y from the domain's top to its bottom.
 * Non-finite values are left out. A single epoch is a zero-length segment,
 * which a round line cap draws as a dot.
 */
export function buildSparklinePoints(
  epochs: readonly { epoch: number; valAccuracy: number }[],
  plannedEpochs: number,
  domain: SparklineDomain,
  { width, height, inset }: SparklineBox,
): string {
  const finite = epochs.filter((e) => Number.isFinite(e.valAccuracy));
  const lastEpoch = Math.max(plannedEpochs, ...finite.map((e) => e.epoch), 2);
  const x = (epoch: number) => inset + ((epoch - 1) / (lastEpoch - 1)) * (width - 2 * inset);
  const span = domain.max - domain.min;
  const y = (value: number) =>
    span === 0 ? height / 2 : inset + (1 - (Math.min(domain.max, Math.max(domain.min, value)) - domain.min) / span) * (height - 2 * inset);
  const round = (value: number) => Math.round(value * 10) / 10;
  const points = finite.map((e) => `${round(x(e.epoch))},${round(y(e.valAccuracy))}`);
  // A lone point as a zero-length segment: with a round cap the stroke draws it as a dot.
  return points.length === 1 ? `${points[0]} ${points[0]}` : points.join(' ');
}

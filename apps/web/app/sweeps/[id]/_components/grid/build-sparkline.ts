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

/** Steps per unit the shared range snaps to: twentieths, 5 percentage points of accuracy. */
const DOMAIN_STEPS = 20;

/**
 * The validation accuracies of a grid's runs as one shared range: their
 * smallest and largest finite value, widened to at least 0.02 wide (so a flat
 * line sits in the middle rather than on an edge), snapped outwards to
 * multiples of 0.05 and kept within [0, 1]. The snapping keeps the range
 * still while a sweep trains: a new high redraws every sparkline only when it
 * crosses a step, not with each epoch.
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
  // The small allowance keeps a value that is a step (0.9 as 18.000000000000004 twentieths) on it.
  const snap = (value: number, round: (x: number) => number, allowance: number) => round(value * DOMAIN_STEPS + allowance) / DOMAIN_STEPS;
  return { min: Math.max(0, snap(low, Math.floor, 1e-9)), max: Math.min(1, snap(high, Math.ceil, -1e-9)) };
}

/**
 * The `points` of an SVG polyline for one run's validation accuracy by epoch
 * (`valAccuracies[i]` is epoch i + 1's; null and non-finite values are left
 * out): x from epoch 1 at the left to `plannedEpochs` at the right (so the line
 * grows rightwards as the run trains), y from the domain's top to its bottom.
 * A single epoch is a zero-length segment, which a round line cap draws as a
 * dot.
 */
export function buildSparklinePoints(
  valAccuracies: readonly (number | null)[],
  plannedEpochs: number,
  domain: SparklineDomain,
  { width, height, inset }: SparklineBox,
): string {
  const lastEpoch = Math.max(plannedEpochs, valAccuracies.length, 2);
  const x = (epoch: number) => inset + ((epoch - 1) / (lastEpoch - 1)) * (width - 2 * inset);
  const span = domain.max - domain.min;
  const y = (value: number) =>
    span === 0 ? height / 2 : inset + (1 - (Math.min(domain.max, Math.max(domain.min, value)) - domain.min) / span) * (height - 2 * inset);
  const round = (value: number) => Math.round(value * 10) / 10;
  const points: string[] = [];
  valAccuracies.forEach((value, index) => {
    if (value !== null && Number.isFinite(value)) points.push(`${round(x(index + 1))},${round(y(value))}`);
  });
  // A lone point as a zero-length segment: with a round cap the stroke draws it as a dot.
  return points.length === 1 ? `${points[0]} ${points[0]}` : points.join(' ');
}

/** The epoch numbers a run's series has a finite value for, in order. */
export function listDrawnEpochs(valAccuracies: readonly (number | null)[]): number[] {
  const epochs: number[] = [];
  valAccuracies.forEach((value, index) => {
    if (value !== null && Number.isFinite(value)) epochs.push(index + 1);
  });
  return epochs;
}

import type { Scale, ScaleOptions } from './scale';

function assertPositive(value: number, what: string): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${what}: expected a finite number > 0, got ${value}`);
  }
}

/**
 * Maps values onto positions by their logarithm, as a log axis does: with a
 * domain [0.001, 0.1] and range [0, 200], 0.01 sits at 100. A one-value domain
 * maps every value to the middle of the range.
 * @throws {RangeError} when an end of the domain is not a finite number > 0
 */
export function createLogScale({ domain, range }: ScaleOptions): Scale {
  assertPositive(domain[0], 'log scale domain start');
  assertPositive(domain[1], 'log scale domain end');
  const [from, to] = range;
  const low = Math.log(domain[0]);
  const span = Math.log(domain[1]) - low;
  const scale = (value: number): number => {
    assertPositive(value, 'log scale value');
    if (span === 0) return (from + to) / 2;
    return from + ((Math.log(value) - low) / span) * (to - from);
  };
  const invert = (position: number): number => {
    if (span === 0 || to === from) return domain[0];
    return Math.exp(low + ((position - from) / (to - from)) * span);
  };
  return Object.assign(scale, { domain, range, invert });
}

/**
 * The smallest and largest of `values` (each > 0), widened by `padding` as a
 * ratio at each end: [min / padding, max × padding]. A single value gives a
 * range around it, so a scale over it still has room.
 * @param padding - ratio ≥ 1 added at each end. @default 1.5
 * @throws {RangeError} when `values` is empty or holds a value that is not > 0
 */
export function getLogExtent(values: readonly number[], padding = 1.5): [number, number] {
  if (values.length === 0) throw new RangeError('log extent: expected at least one value, got none');
  for (const value of values) assertPositive(value, 'log extent value');
  if (!(padding >= 1)) throw new RangeError(`log extent padding: expected a ratio ≥ 1, got ${padding}`);
  return [Math.min(...values) / padding, Math.max(...values) * padding];
}

/**
 * Tick values for a log axis over [min, max]: every power of ten inside it,
 * and when that gives fewer than three, the 2× and 5× steps of each decade
 * too. Ascending, each within the range (within a rounding error).
 * @throws {RangeError} when an end is not a finite number > 0
 */
export function getLogTicks(min: number, max: number): number[] {
  assertPositive(min, 'log ticks start');
  assertPositive(max, 'log ticks end');
  const [low, high] = min <= max ? [min, max] : [max, min];
  // A little slack, so that an end that is a power of ten in floating point (0.1 as 0.1000…02) still counts.
  const inside = (value: number) => value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9);
  const first = Math.floor(Math.log10(low));
  const last = Math.ceil(Math.log10(high));
  const decade = (exponent: number) => Number(`1e${exponent}`);
  const powers: number[] = [];
  for (let exponent = first; exponent <= last; exponent++) powers.push(decade(exponent));
  const decades = powers.filter(inside);
  if (decades.length >= 3) return decades;
  const steps = powers.flatMap((power) => [1, 2, 5].map((step) => Number((step * power).toPrecision(12))));
  return steps.filter(inside);
}

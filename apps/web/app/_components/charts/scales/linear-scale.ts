import type { Scale, ScaleOptions } from './scale';

/**
 * Maps values onto positions in proportion: with a domain [0, 10] and range
 * [0, 200], 2.5 sits at 50. A one-value domain maps every value to the middle
 * of the range.
 * @throws {RangeError} when an end of the domain is not a finite number
 */
export function createLinearScale({ domain, range }: ScaleOptions): Scale {
  if (!domain.every(Number.isFinite)) throw new RangeError(`linear scale domain: expected finite numbers, got ${domain.join(', ')}`);
  const [low, high] = domain;
  const [from, to] = range;
  const span = high - low;
  const scale = (value: number): number => (span === 0 ? (from + to) / 2 : from + ((value - low) / span) * (to - from));
  const invert = (position: number): number => (span === 0 || to === from ? low : low + ((position - from) / (to - from)) * span);
  return Object.assign(scale, { domain, range, invert });
}

/** Options of {@link getLinearTicks}. */
export interface LinearTickOptions {
  /** About how many ticks to aim for. @default 5 */
  count?: number;
  /** Only whole-number ticks, for counts (epochs, steps, images). @default false */
  wholeNumbers?: boolean;
}

/** The step between ticks: 1, 2 or 5 times a power of ten, giving about `count` ticks over `span`. */
function tickStep(span: number, count: number, wholeNumbers: boolean): number {
  const rough = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  return wholeNumbers ? Math.max(1, Math.round(step)) : step;
}

/**
 * Round tick values over [min, max] (either order), 1, 2 or 5 times a power of
 * ten apart, each inside the range. A range of one value gives that value.
 * @throws {RangeError} when an end is not a finite number
 */
export function getLinearTicks(min: number, max: number, { count = 5, wholeNumbers = false }: LinearTickOptions = {}): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max))) throw new RangeError(`linear ticks: expected finite ends, got ${min} and ${max}`);
  const [low, high] = min <= max ? [min, max] : [max, min];
  if (low === high) return wholeNumbers && !Number.isInteger(low) ? [] : [low];
  const step = tickStep(high - low, count, wholeNumbers);
  const ticks: number[] = [];
  // Multiples of the step, printed without the floating-point tails of repeated addition.
  for (let k = Math.ceil(low / step - 1e-9); k * step <= high * (1 + Math.sign(high) * 1e-12) + 1e-12; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/**
 * [min, max] widened outwards to the nearest ticks {@link getLinearTicks}
 * would put there, as a value axis does so that it starts and ends on a
 * labelled value. A range of one value is widened by 1 each way (by 10 % of
 * itself when that is larger), so a scale over it still has room.
 */
export function getNiceLinearExtent(min: number, max: number, count = 5): [number, number] {
  const [low, high] = min <= max ? [min, max] : [max, min];
  if (low === high) {
    const room = Math.max(1, Math.abs(low) * 0.1);
    return [low - room, high + room];
  }
  const step = tickStep(high - low, count, false);
  return [Number((Math.floor(low / step) * step).toPrecision(12)), Number((Math.ceil(high / step) * step).toPrecision(12))];
}

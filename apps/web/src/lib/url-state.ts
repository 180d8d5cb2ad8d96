/**
 * Typed page state kept in the query string: each key has a {@link UrlParam}
 * that parses its text and serializes its value, and a default that is never
 * written, so an untouched page has a clean URL. Pure functions only: the
 * React side is `useUrlState`, and a server page reads the same state from
 * its `searchParams` with {@link readUrlState}.
 */

/** How one query-string key maps to a typed value. */
export interface UrlParam<T> {
  /** The value when the key is absent or its text unreadable; omitted from the URL. */
  readonly defaultValue: T;
  /** Reads the key's text; undefined for text it cannot read, which means the default. */
  parse(text: string): T | undefined;
  /** Writes a value as the key's text. Two values are the same state when their texts are equal. */
  serialize(value: T): string;
}

/**
 * A page's keys and their params; define it once, at module level, so it stays
 * the same object. (`parse` and `serialize` are methods, so params of any value
 * type fit `UrlParam<unknown>`; {@link UrlStateOf} gives each type back.)
 */
export type UrlParams = Readonly<Record<string, UrlParam<unknown>>>;

/** The typed state that a {@link UrlParams} describes. */
export type UrlStateOf<Params extends UrlParams> = {
  [Key in keyof Params]: Params[Key] extends UrlParam<infer Value> ? Value : never;
};

/** What `readUrlState` reads from: `URLSearchParams`, Next's read-only one, or a server page's `searchParams`. */
export type SearchLike = Pick<URLSearchParams, 'get'> | Readonly<Record<string, string | string[] | undefined>>;

function getText(search: SearchLike, key: string): string | null {
  if (typeof (search as URLSearchParams).get === 'function') return (search as URLSearchParams).get(key);
  const value = (search as Record<string, string | string[] | undefined>)[key];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Reads every key of `params` from a query string; absent or unreadable keys take their default. */
export function readUrlState<Params extends UrlParams>(params: Params, search: SearchLike): UrlStateOf<Params> {
  const state: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(params)) {
    const text = getText(search, key);
    const parsed: unknown = text === null ? undefined : param.parse(text);
    state[key] = parsed === undefined ? param.defaultValue : parsed;
  }
  return state as UrlStateOf<Params>;
}

/**
 * Writes `state` over `current`: each key of `params` is set to its value's
 * text, or removed when that equals the default's; other keys are kept as they
 * are. Returns a new object; `current` is left alone.
 */
export function writeUrlState<Params extends UrlParams>(params: Params, state: UrlStateOf<Params>, current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, param] of Object.entries(params)) {
    const text = param.serialize(state[key]);
    if (text === param.serialize(param.defaultValue)) next.delete(key);
    else next.set(key, text);
  }
  return next;
}

/**
 * A query string without the `?`, keys sorted so equal states give equal
 * strings, and commas left readable (`runs=3,7`, not `runs=3%2C7`).
 */
export function toQueryString(search: URLSearchParams): string {
  const sorted = new URLSearchParams(search);
  sorted.sort();
  return sorted.toString().replaceAll('%2C', ',');
}

/** A free-text key. @default '' */
export function stringParam(defaultValue = ''): UrlParam<string> {
  return { defaultValue, parse: (text) => text, serialize: (value) => value };
}

/** One of a fixed set of words, e.g. `metric=valLoss`; anything else reads as the default. */
export function enumParam<const Value extends string>(values: readonly Value[], defaultValue: Value): UrlParam<Value> {
  return {
    defaultValue,
    parse: (text) => values.find((value) => value === text),
    serialize: (value) => value,
  };
}

/** Options of {@link numberParam}. */
export interface NumberParamOptions {
  /** Smallest value read; smaller text reads as the default. @default -Infinity */
  min?: number;
  /** Largest value read. @default Infinity */
  max?: number;
  /** Only whole numbers. @default false */
  integer?: boolean;
}

/** A finite number, e.g. `smoothing=0.6`; text that is no number, or out of range, reads as the default. */
export function numberParam(defaultValue: number, { min = -Infinity, max = Infinity, integer = false }: NumberParamOptions = {}): UrlParam<number> {
  return {
    defaultValue,
    parse: (text) => {
      if (text.trim() === '') return undefined;
      const value = Number(text);
      if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) return undefined;
      return value;
    },
    serialize: (value) => String(value),
  };
}

/** A switch, written `1` or `0`; `true` and `false` read too. @default false */
export function booleanParam(defaultValue = false): UrlParam<boolean> {
  return {
    defaultValue,
    parse: (text) => (text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : undefined),
    serialize: (value) => (value ? '1' : '0'),
  };
}

/**
 * A list of words separated by commas, e.g. selected run ids `runs=3,7`; empty
 * items are dropped and each is kept once, in order. Items must not contain commas.
 * @default []
 */
export function listParam(defaultValue: readonly string[] = []): UrlParam<readonly string[]> {
  return {
    defaultValue,
    parse: (text) => [
      ...new Set(
        text
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      ),
    ],
    serialize: (value) => value.join(','),
  };
}

/**
 * Formats a fraction in [0, 1] as a percentage with one decimal, e.g.
 * `0.8734` → `87.3%`; null (no value yet) → `–`.
 */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(1)}%`;
}

/**
 * A learning rate to three significant digits without trailing zeros, in decimals from
 * 0.001 to below 10,000 (`0.001`, `0.1`, `30`) and in exponent notation beyond, as
 * learning rates are written (`3e-5`, `1.47e-4`, `1e20`): `String` wrote 1e20 with twenty
 * zeros and 3e-5 as `0.00003`.
 */
export function formatLearningRate(learningRate: number): string {
  const rounded = Number(learningRate.toPrecision(3));
  const magnitude = Math.abs(rounded);
  if (magnitude === 0 || !Number.isFinite(rounded) || (magnitude >= 1e-3 && magnitude < 1e4)) return String(rounded);
  return rounded.toExponential().replace('e+', 'e');
}

/** Formats a loss for chart labels with three significant digits, e.g. `2.30`. */
export function formatLoss(loss: number): string {
  return loss.toPrecision(3);
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Formats an ISO 8601 timestamp in the viewer's locale; returns the input if it does not parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * How long ago an ISO 8601 timestamp was, from `now` (milliseconds since the
 * epoch): `just now` under a minute, then `3 min ago`, `5 h ago`, `2 days ago`,
 * and past 30 days the date itself. A time in the future (clock skew) reads as
 * `just now`; text that does not parse is returned as it is.
 */
export function formatAge(iso: string, now: number): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, (now - then) / 1000);
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days <= 30) return days === 1 ? '1 day ago' : `${days} days ago`;
  return dateFormat.format(new Date(then));
}

/**
 * Formats how long something took, in two units at most: `42 s`, `12 min 05 s`,
 * `3 h 05 min`, `2 days 4 h`; null or a negative time (clock skew) → `–`.
 */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '–';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const pad = (value: number) => String(value).padStart(2, '0');
  if (minutes < 60) return `${minutes} min ${pad(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${pad(minutes % 60)} min`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'} ${hours % 24} h`;
}

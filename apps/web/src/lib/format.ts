/**
 * Formats a fraction in [0, 1] as a percentage with one decimal, e.g.
 * `0.8734` → `87.3%`; null (no value yet) → `–`.
 */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(1)}%`;
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

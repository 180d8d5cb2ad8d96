/** Rows `first` to `last`, both included. */
export interface RowSpan {
  first: number;
  last: number;
}

/** Options of {@link findRowSpan}. */
export interface FindRowSpanOptions {
  /** How far the box's view has scrolled past the first row's top, in CSS pixels (negative while rows start below the view's top). */
  scrolled: number;
  /** The height of the box's view, in CSS pixels. */
  viewHeight: number;
  /** Each row's height, in CSS pixels. */
  rowHeight: number;
  /** How many rows there are. */
  rows: number;
  /**
   * Spans start and end on multiples of this many rows, so that scrolling a little
   * changes the span (and redraws the rows) only now and then. @default 1
   */
  step?: number;
}

/**
 * The rows of equal height within one view's height above and below the view of a box
 * that scrolls them: those a person could scroll to at once. Empty (`last` < `first`)
 * for no rows.
 */
export function findRowSpan({ scrolled, viewHeight, rowHeight, rows, step = 1 }: FindRowSpanOptions): RowSpan {
  if (rows <= 0) return { first: 0, last: -1 };
  const first = Math.floor(Math.max(0, (scrolled - viewHeight) / rowHeight) / step) * step;
  const last = Math.ceil((scrolled + 2 * viewHeight) / rowHeight / step) * step;
  return { first: Math.min(first, rows - 1), last: Math.max(0, Math.min(last, rows - 1)) };
}

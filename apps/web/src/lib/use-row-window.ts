'use client';

import { useEffect, useState } from 'react';

import { findRowSpan, type RowSpan } from './find-row-span';

export type { RowSpan } from './find-row-span';

/** Rows a span moves by when rows are measured by their height (see {@link useRowWindow}). */
const SPAN_STEP = 20;

/** A state update to the span from `first` to `last` that keeps the same object when nothing moved. */
function spanOf(first: number, last: number) {
  return (previous: RowSpan): RowSpan => (previous.first === first && previous.last === last ? previous : { first, last });
}

/**
 * The rows of a table body near the view of the box it scrolls in (within one
 * box's height above and below), as a span of indices, kept up to date as the
 * box scrolls and resizes. Rows farther away need not hold their cells: a grid
 * of a thousand cells then builds, hydrates and redraws only the few hundred
 * a person could scroll to at once. Until it has looked, it answers the first
 * `initialRows` rows (the server cannot know the viewport).
 *
 * Two ways to measure:
 * - Without `rowHeight`, every row of the body must be in the document, with the
 *   same height whether it holds its cells or not: that is what is observed.
 *   When no row is near, it keeps the last answer, so the cells are there on the way back.
 * - With `rowHeight` (every row that tall), rows far away need not be in the document
 *   at all, so a table of 10,000 rows holds only a hundred or so: the body must be
 *   as tall as all its rows (spacers stand in for those left out), and the span is
 *   worked out from how far the box has scrolled past the body's top. It moves in
 *   steps of 20 rows, so a little scrolling redraws nothing.
 * @param body the table body, null until mounted
 * @param rows how many rows it has: a change observes them again
 * @param box the box the body scrolls in, null until mounted
 * @param rowHeight each row's height, in CSS pixels, when all rows have one
 */
export function useRowWindow(body: HTMLTableSectionElement | null, rows: number, box: HTMLElement | null, initialRows: number, rowHeight?: number): RowSpan {
  const [span, setSpan] = useState<RowSpan>({ first: 0, last: Math.min(rows, initialRows) - 1 });

  useEffect(() => {
    if (body === null || box === null || rowHeight !== undefined) return undefined;
    const near = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = (entry.target as HTMLTableRowElement).sectionRowIndex;
          if (entry.isIntersecting) near.add(index);
          else near.delete(index);
        }
        if (near.size === 0) return;
        setSpan(spanOf(Math.min(...near), Math.max(...near)));
      },
      { root: box, rootMargin: '100% 0px' },
    );
    for (const row of body.rows) observer.observe(row);
    return () => observer.disconnect();
  }, [body, rows, box, rowHeight]);

  useEffect(() => {
    if (body === null || box === null || rowHeight === undefined) return undefined;
    const measure = () => {
      const scrolled = box.getBoundingClientRect().top - body.getBoundingClientRect().top;
      const { first, last } = findRowSpan({ scrolled, viewHeight: box.clientHeight, rowHeight, rows, step: SPAN_STEP });
      setSpan(spanOf(first, last));
    };
    measure();
    box.addEventListener('scroll', measure, { passive: true });
    const resizes = new ResizeObserver(measure);
    resizes.observe(box);
    return () => {
      box.removeEventListener('scroll', measure);
      resizes.disconnect();
    };
  }, [body, rows, box, rowHeight]);

  return span;
}

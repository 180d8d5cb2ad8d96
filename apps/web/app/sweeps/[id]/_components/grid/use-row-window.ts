'use client';

import { useEffect, useState } from 'react';

/** Rows `first` to `last`, both included. */
export interface RowSpan {
  first: number;
  last: number;
}

/**
 * Rows the server and the first render fill: the server cannot know the
 * viewport, and twelve rows of cells are taller than a laptop's screen below
 * the sweep's header.
 */
const INITIAL_ROWS = 12;

/**
 * The rows of a table body near the viewport (within one viewport's height
 * above and below), as a span of indices, kept up to date as the page
 * scrolls and resizes. Rows farther away need not hold their cells: a grid
 * of a thousand cells then builds, hydrates and redraws only the few hundred
 * a person could scroll to at once. Until it has looked, it answers the first
 * {@link INITIAL_ROWS} rows; when no row is near (the grid scrolled out of
 * sight), it keeps the last answer, so the cells are there on the way back.
 *
 * Every row of the body must be in the document, with the same height
 * whether it holds its cells or not: that is what is observed.
 * @param body the table body, null until mounted
 * @param rows how many rows it has: a change observes them again
 */
export function useRowWindow(body: HTMLTableSectionElement | null, rows: number): RowSpan {
  const [span, setSpan] = useState<RowSpan>({ first: 0, last: Math.min(rows, INITIAL_ROWS) - 1 });

  useEffect(() => {
    if (body === null) return undefined;
    const near = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = (entry.target as HTMLTableRowElement).sectionRowIndex;
          if (entry.isIntersecting) near.add(index);
          else near.delete(index);
        }
        if (near.size === 0) return;
        const first = Math.min(...near);
        const last = Math.max(...near);
        setSpan((previous) => (previous.first === first && previous.last === last ? previous : { first, last }));
      },
      { rootMargin: '100% 0px' },
    );
    for (const row of body.rows) observer.observe(row);
    return () => observer.disconnect();
  }, [body, rows]);

  return span;
}

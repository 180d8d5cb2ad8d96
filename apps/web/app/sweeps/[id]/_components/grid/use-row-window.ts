'use client';

import { useEffect, useState } from 'react';

/** Rows `first` to `last`, both included. */
export interface RowSpan {
  first: number;
  last: number;
}

/**
 * The rows of a table body near the view of the box it scrolls in (within one
 * box's height above and below), as a span of indices, kept up to date as the
 * box scrolls and resizes. Rows farther away need not hold their cells: a grid
 * of a thousand cells then builds, hydrates and redraws only the few hundred
 * a person could scroll to at once. Until it has looked, it answers the first
 * `initialRows` rows (the server cannot know the viewport); when no row is
 * near, it keeps the last answer, so the cells are there on the way back.
 *
 * Every row of the body must be in the document, with the same height
 * whether it holds its cells or not: that is what is observed.
 * @param body the table body, null until mounted
 * @param rows how many rows it has: a change observes them again
 * @param box the box the body scrolls in, null until mounted
 */
export function useRowWindow(body: HTMLTableSectionElement | null, rows: number, box: HTMLElement | null, initialRows: number): RowSpan {
  const [span, setSpan] = useState<RowSpan>({ first: 0, last: Math.min(rows, initialRows) - 1 });

  useEffect(() => {
    if (body === null || box === null) return undefined;
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
      { root: box, rootMargin: '100% 0px' },
    );
    for (const row of body.rows) observer.observe(row);
    return () => observer.disconnect();
  }, [body, rows, box]);

  return span;
}

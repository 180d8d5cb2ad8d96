/** Distance between legend rows' baselines, in SVG units. */
export const LEGEND_ROW_HEIGHT = 18;

/** Width of an entry's swatch, and the gap between it and its words, in SVG units. */
export const LEGEND_SWATCH = { width: 22, gap: 6 } as const;

// 11px system-ui text averages under 6 units a character; the legend only needs to not overlap.
const CHARACTER_WIDTH = 6;
const SPACING = 18;

/** Where {@link layOutLegend} puts an entry: its left edge and its row, 0 the first. */
export type Placed<Entry> = Entry & { x: number; row: number };

/**
 * Flows legend entries left to right into rows no wider than `width` SVG
 * units, estimating each entry's width from its label (an entry wider than
 * `width` gets a row of its own).
 * @returns each entry's place, and how many rows they take (0 for none)
 */
export function layOutLegend<Entry extends { label: string }>(entries: readonly Entry[], width: number): { placed: Placed<Entry>[]; rows: number } {
  const placed: Placed<Entry>[] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const entryWidth = LEGEND_SWATCH.width + LEGEND_SWATCH.gap + entry.label.length * CHARACTER_WIDTH;
    if (x > 0 && x + entryWidth > width) {
      x = 0;
      row += 1;
    }
    placed.push({ ...entry, x, row });
    x += entryWidth + SPACING;
  }
  return { placed, rows: entries.length === 0 ? 0 : row + 1 };
}

/** How the grid's cells are drawn, as the URL asks (`?cells=compact`): `auto` picks by fit. */
export const GRID_DENSITIES = ['auto', 'detailed', 'compact'] as const;

/** One of {@link GRID_DENSITIES}. */
export type GridDensityChoice = (typeof GRID_DENSITIES)[number];

/**
 * How cells are drawn: `detailed` with their value, epochs, state and sparkline;
 * `compact` as a heatmap, value and colour only, with the details on hover and focus.
 */
export type GridDensity = Exclude<GridDensityChoice, 'auto'>;

/** A size in CSS pixels. */
export interface Box {
  width: number;
  height: number;
}

/**
 * Each density's cell size in CSS pixels (the stylesheet draws them from these, through
 * custom properties on the table), the spacing between cells, and the headers' size.
 */
export const CELL_SIZES: Readonly<Record<GridDensity, { cell: Box; spacing: number }>> = {
  detailed: { cell: { width: 120, height: 86 }, spacing: 4 },
  compact: { cell: { width: 64, height: 18 }, spacing: 2 },
};

/** The row headers' width and the column headers' height (with the caption above them). */
const HEADERS: Box = { width: 64, height: 56 };

/** How much less than the viewport's height the grid's box may take, so a line of the page shows above or below it. */
export const ROOM_MARGIN = 64;

/**
 * The room the grid gets before the browser has said how much there is: the server, and
 * the first render in the browser, which must draw what the server drew. A 1920 × 1080
 * screen: its browser window's viewport (about 960 px tall under the browser's bars) less
 * the page's margins and {@link ROOM_MARGIN}.
 */
export const ASSUMED_ROOM: Box = { width: 1872, height: 960 - ROOM_MARGIN };

/** The size a grid of `rows` × `cols` cells takes at `density`. */
export function gridSize(rows: number, cols: number, density: GridDensity): Box {
  const { cell, spacing } = CELL_SIZES[density];
  return {
    width: HEADERS.width + cols * (cell.width + spacing) + spacing,
    height: HEADERS.height + rows * (cell.height + spacing) + spacing,
  };
}

/**
 * The density to draw: the one asked for, or for `auto`, detailed cells when the whole
 * grid fits `room` with them and compact ones when it does not, as a heatmap shows a
 * large grid whole where detailed cells would need scrolling both ways.
 */
export function chooseDensity(choice: GridDensityChoice, rows: number, cols: number, room: Box): GridDensity {
  if (choice !== 'auto') return choice;
  const { width, height } = gridSize(rows, cols, 'detailed');
  return width <= room.width && height <= room.height ? 'detailed' : 'compact';
}

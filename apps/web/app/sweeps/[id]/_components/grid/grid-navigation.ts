/** A cell of the grid by row (batch size) and column (learning rate), 0-based. */
export interface GridPosition {
  row: number;
  col: number;
}

/** The grid's size. */
export interface GridSize {
  rows: number;
  cols: number;
}

/** The keys {@link moveGridFocus} understands, as `KeyboardEvent.key` names them. */
export type GridNavigationKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/** Modifier keys held with a {@link GridNavigationKey}. */
export interface GridNavigationModifiers {
  /** Ctrl (or ⌘): Home and End go to the grid's first and last cell instead of the row's. */
  ctrlKey?: boolean;
}

const KEYS: ReadonlySet<string> = new Set<GridNavigationKey>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/** True for a key {@link moveGridFocus} moves on, so the caller can prevent its default (scrolling). */
export function isGridNavigationKey(key: string): key is GridNavigationKey {
  return KEYS.has(key);
}

/** Keeps a position inside the grid (an empty grid has only 0, 0). */
export function clampGridPosition({ row, col }: GridPosition, { rows, cols }: GridSize): GridPosition {
  return { row: Math.min(Math.max(0, row), Math.max(0, rows - 1)), col: Math.min(Math.max(0, col), Math.max(0, cols - 1)) };
}

/**
 * The cell the roving focus moves to on a key, as the WAI-ARIA grid pattern
 * has it: arrows move one cell and stop at the edges (no wrapping), Home and
 * End go to the row's first and last cell (with Ctrl, the grid's), Page Up and
 * Page Down to the column's first and last cell (the grid is one page).
 */
export function moveGridFocus(position: GridPosition, key: GridNavigationKey, size: GridSize, { ctrlKey = false }: GridNavigationModifiers = {}): GridPosition {
  const { row, col } = clampGridPosition(position, size);
  const lastRow = Math.max(0, size.rows - 1);
  const lastCol = Math.max(0, size.cols - 1);
  switch (key) {
    case 'ArrowUp':
      return { row: Math.max(0, row - 1), col };
    case 'ArrowDown':
      return { row: Math.min(lastRow, row + 1), col };
    case 'ArrowLeft':
      return { row, col: Math.max(0, col - 1) };
    case 'ArrowRight':
      return { row, col: Math.min(lastCol, col + 1) };
    case 'Home':
      return ctrlKey ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End':
      return ctrlKey ? { row: lastRow, col: lastCol } : { row, col: lastCol };
    case 'PageUp':
      return { row: 0, col };
    case 'PageDown':
      return { row: lastRow, col };
  }
}

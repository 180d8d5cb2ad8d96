'use client';

import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';

import { formatLearningRate } from '@/lib/format';
import { useRowWindow } from '@/lib/use-row-window';

import type { LiveCell, LiveGrid } from '../live/apply-sweep-events';
import type { Heatmap } from '../heatmap/build-heatmap';
import { CellDetails } from './cell-details';
import { CompactCell } from './compact-cell';
import { GridCell } from './grid-cell';
import { CELL_SIZES, chooseDensity, ROOM_MARGIN, type GridDensityChoice } from './grid-density';
import { GRID_METRIC_DEFINITIONS, type GridMetric } from './grid-metrics';
import { clampGridPosition, isGridNavigationKey, moveGridFocus, type GridPosition } from './grid-navigation';
import { GridOverlay } from '../overlays/grid-overlay';
import type { RatioLine } from '../overlays/ratio-lines';
import type { FrontierPath } from '../overlays/build-frontier-path';
import { useGridRoom } from './use-grid-room';
import styles from './sweep-grid.module.css';

/** Props of {@link SweepGrid}. */
export interface SweepGridProps {
  grid: LiveGrid;
  heatmap: Heatmap;
  metric: GridMetric;
  /** Detailed cells, a compact heatmap, or whichever lets the whole grid fit (`auto`). */
  density: GridDensityChoice;
  /** Epochs each run of the sweep trains. */
  plannedEpochs: number;
  /** Selected run ids. */
  selected: readonly string[];
  /** Toggles a cell's runs in the selection. */
  onToggle: (cell: LiveCell) => void;
  /** Lines to lay over the grid; empty for none. */
  ratioLines: readonly RatioLine[];
  /** The frontier to lay over the grid; null for none. */
  frontier: FrontierPath | null;
}

/** The index (row by row) of the grid cell an event happened in, or null outside every cell. */
function cellIndexOf(target: EventTarget): number | null {
  if (!(target instanceof Element)) return null;
  const index = target.closest('[role="gridcell"]')?.getAttribute('data-index');
  return index === null || index === undefined ? null : Number(index);
}

/**
 * Rows the first render fills at each density: the server cannot know the viewport, and
 * these are more than a tall screen shows of either.
 */
const INITIAL_ROWS = { detailed: 12, compact: 60 } as const;

/**
 * The heatmap: batch sizes as rows, learning rates as columns (ascending,
 * which is log order), one cell per combination. It is an ARIA grid with one
 * tab stop that arrows, Home/End (Ctrl: the grid's corners) and Page Up/Down
 * move; Enter or Space toggles the focused cell's runs, as a click does.
 * Overlays sit in an SVG over the table. Clicks, focus and keys are heard
 * once, on the table, so that a cell's props stay the same from one render to
 * the next and only the cells that changed draw again.
 *
 * The grid sits in a box no taller than the viewport that scrolls both ways
 * under its headers, which stay in view. Its cells are detailed (value,
 * epochs, state, sparkline) while the whole grid fits the box, and a compact
 * heatmap (value and colour) when it does not, with the details of the cell
 * under the pointer or with focus beside it (see {@link chooseDensity}); the
 * URL can ask for either.
 *
 * Only the rows near the box's view and the tab stop's row hold their cells
 * (see {@link useRowWindow}); the others keep their header and height, so
 * the table, its overlays and its scrollbar are the size of the whole grid.
 * A key that moves focus to a row without cells fills it, then focuses.
 */
export function SweepGrid({ grid, heatmap, metric, density: densityChoice, plannedEpochs, selected, onToggle, ratioLines, frontier }: SweepGridProps) {
  const rows = grid.batchSizes.length;
  const cols = grid.learningRates.length;
  const [focus, setFocus] = useState<GridPosition>({ row: 0, col: 0 });
  const tabStop = clampGridPosition(focus, { rows, cols });
  const table = useRef<HTMLTableElement>(null);
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [body, setBody] = useState<HTMLTableSectionElement | null>(null);
  const density = chooseDensity(densityChoice, rows, cols, useGridRoom(box));
  const near = useRowWindow(body, rows, box, INITIAL_ROWS[density]);
  // The cell whose details a compact grid shows: the one under the pointer, else the one with focus.
  const [hovered, setHovered] = useState<number | null>(null);
  const [focusInside, setFocusInside] = useState(false);
  const holdsCells = (row: number) => (row >= near.first && row <= near.last) || row === tabStop.row;
  // Set by a key that moved the tab stop: the cell it moved to may only exist after this render.
  const focusMoved = useRef(false);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const definition = GRID_METRIC_DEFINITIONS[metric];
  // The same range keeps the same object, so the cells' sparklines do not draw again for an equal one.
  const domainMin = heatmap.sparklineDomain?.min;
  const domainMax = heatmap.sparklineDomain?.max;
  const sparklineDomain = useMemo(
    () => (domainMin === undefined || domainMax === undefined ? null : { min: domainMin, max: domainMax }),
    [domainMin, domainMax],
  );
  const positionOf = (index: number): GridPosition => ({ row: Math.floor(index / cols), col: index % cols });

  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const index = cellIndexOf(event.target);
    const cell = index === null ? undefined : grid.cells[index];
    if (index === null || cell === undefined) return;
    setFocus(positionOf(index));
    onToggle(cell);
  };

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const index = cellIndexOf(event.target);
    if (index === null) return;
    setFocus(positionOf(index));
    setFocusInside(true);
  };

  const onBlur = (event: FocusEvent<HTMLTableElement>) => {
    if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setFocusInside(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'gridcell') return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const cell = grid.cells[tabStop.row * cols + tabStop.col];
      if (cell !== undefined) onToggle(cell);
      return;
    }
    if (!isGridNavigationKey(event.key)) return;
    event.preventDefault();
    const next = moveGridFocus(tabStop, event.key, { rows, cols }, { ctrlKey: event.ctrlKey || event.metaKey });
    if (next.row === tabStop.row && next.col === tabStop.col) return;
    focusMoved.current = true;
    setFocus(next);
  };

  useLayoutEffect(() => {
    if (!focusMoved.current) return;
    focusMoved.current = false;
    table.current?.querySelector<HTMLElement>(`[data-index="${tabStop.row * cols + tabStop.col}"]`)?.focus();
  });

  const { cell: cellSize, spacing } = CELL_SIZES[density];
  const sizes = { '--cell-width': `${cellSize.width}px`, '--cell-height': `${cellSize.height}px`, borderSpacing: spacing } as CSSProperties;
  const Cell = density === 'compact' ? CompactCell : GridCell;
  const detailsIndex = density === 'compact' ? (hovered ?? (focusInside ? tabStop.row * cols + tabStop.col : null)) : null;
  const detailsCell = detailsIndex === null ? undefined : grid.cells[detailsIndex];
  const detailsSummary = detailsIndex === null ? undefined : heatmap.summaries[detailsIndex];

  return (
    <div className={styles.scroll} ref={setBox} style={{ maxHeight: `calc(100vh - ${ROOM_MARGIN}px)` }} data-testid="grid-box">
      <div className={styles.frame} ref={setFrame}>
        <table
          ref={table}
          className={`${styles.grid} ${styles[density]}${ratioLines.length > 0 || frontier !== null ? ` ${styles.overlaid}` : ''}`}
          style={sizes}
          data-testid="grid"
          data-density={density}
          role="grid"
          aria-labelledby="grid-caption"
          aria-multiselectable="true"
          onClick={onClick}
          onFocus={onFocus}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
          onMouseOver={density === 'compact' ? (event) => setHovered(cellIndexOf(event.target)) : undefined}
          onMouseLeave={density === 'compact' ? () => setHovered(null) : undefined}
        >
          <caption id="grid-caption">{definition.label.charAt(0).toUpperCase() + definition.label.slice(1)} by batch size and learning rate</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.corner}>
                <span className="visually-hidden">Batch size by learning rate</span>
                <span aria-hidden="true">batch ↓ · lr →</span>
              </th>
              {grid.learningRates.map((learningRate, col) => (
                <th scope="col" key={learningRate} data-grid-col={col} aria-label={`learning rate ${formatLearningRate(learningRate)}`}>
                  {formatLearningRate(learningRate)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={setBody}>
            {grid.batchSizes.map((batchSize, row) => (
              <tr key={batchSize}>
                <th scope="row" data-grid-row={row} aria-label={`batch ${batchSize}`}>
                  {batchSize}
                </th>
                {holdsCells(row) ? (
                  grid.learningRates.map((learningRate, col) => {
                    const index = row * cols + col;
                    const cell = grid.cells[index];
                    const summary = heatmap.summaries[index];
                    if (cell === undefined || summary === undefined) return <td key={learningRate} role="gridcell" />;
                    const color = summary.value === null ? null : heatmap.scale.colorOf(summary.value);
                    return (
                      <Cell
                        key={learningRate}
                        cell={cell}
                        index={index}
                        summary={summary}
                        metric={definition}
                        fill={color?.fill ?? null}
                        text={color?.text ?? null}
                        sparklineDomain={sparklineDomain}
                        plannedEpochs={plannedEpochs}
                        selected={cell.runs.length > 0 && cell.runs.every((run) => chosen.has(run.id))}
                        tabStop={tabStop.row === row && tabStop.col === col}
                      />
                    );
                  })
                ) : (
                  <td className={styles.rowPending} data-testid="grid-row-pending" colSpan={cols} aria-hidden="true" />
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <GridOverlay frame={frame} rows={rows} cols={cols} ratioLines={ratioLines} frontier={frontier} />
        {detailsIndex !== null && detailsCell !== undefined && detailsSummary !== undefined && (
          <CellDetails
            frame={frame}
            index={detailsIndex}
            cell={detailsCell}
            summary={detailsSummary}
            metric={definition}
            plannedEpochs={plannedEpochs}
            sparklineDomain={sparklineDomain}
          />
        )}
      </div>
    </div>
  );
}

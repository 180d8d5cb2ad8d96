'use client';

import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';

import type { LiveCell, LiveGrid } from './apply-sweep-events';
import type { Heatmap } from './build-heatmap';
import { describeCell } from './describe-cell';
import { GridCell } from './grid-cell';
import { GRID_METRIC_DEFINITIONS, type GridMetric } from './grid-metrics';
import { clampGridPosition, isGridNavigationKey, moveGridFocus, type GridPosition } from './grid-navigation';
import { GridOverlay } from './grid-overlay';
import type { RatioLine } from './ratio-lines';
import type { FrontierPath } from './stability-frontier';

/** Props of {@link SweepGrid}. */
export interface SweepGridProps {
  grid: LiveGrid;
  heatmap: Heatmap;
  metric: GridMetric;
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

function positionKey({ row, col }: GridPosition): string {
  return `${row}:${col}`;
}

/**
 * The heatmap: batch sizes as rows, learning rates as columns (ascending,
 * which is log order), one cell per combination. It is an ARIA grid with one
 * tab stop that arrows, Home/End (Ctrl: the grid's corners) and Page Up/Down
 * move; Enter or Space toggles the focused cell's runs, as a click does.
 * Overlays sit in an SVG over the table.
 */
export function SweepGrid({ grid, heatmap, metric, plannedEpochs, selected, onToggle, ratioLines, frontier }: SweepGridProps) {
  const rows = grid.batchSizes.length;
  const cols = grid.learningRates.length;
  const [focus, setFocus] = useState<GridPosition>({ row: 0, col: 0 });
  const tabStop = clampGridPosition(focus, { rows, cols });
  const cellElements = useRef(new Map<string, HTMLTableCellElement>());
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const definition = GRID_METRIC_DEFINITIONS[metric];

  const cellAt = useCallback((position: GridPosition) => grid.cells[position.row * cols + position.col], [grid.cells, cols]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'gridcell') return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const cell = cellAt(tabStop);
      if (cell !== undefined) onToggle(cell);
      return;
    }
    if (!isGridNavigationKey(event.key)) return;
    event.preventDefault();
    const next = moveGridFocus(tabStop, event.key, { rows, cols }, { ctrlKey: event.ctrlKey || event.metaKey });
    setFocus(next);
    cellElements.current.get(positionKey(next))?.focus();
  };

  return (
    <div className="grid-scroll">
      <div className="grid-frame" ref={setFrame}>
        <table className="grid" data-testid="grid" role="grid" aria-labelledby="grid-caption" aria-multiselectable="true" onKeyDown={onKeyDown}>
          <caption id="grid-caption">
            {definition.label.charAt(0).toUpperCase() + definition.label.slice(1)} by batch size and learning rate
          </caption>
          <thead>
            <tr>
              <th scope="col" className="grid-corner">
                <span className="visually-hidden">Batch size by learning rate</span>
                <span aria-hidden="true">batch ↓ · lr →</span>
              </th>
              {grid.learningRates.map((learningRate, col) => (
                <th scope="col" key={learningRate} data-grid-col={col} aria-label={`learning rate ${String(learningRate)}`}>
                  {String(learningRate)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.batchSizes.map((batchSize, row) => (
              <tr key={batchSize}>
                <th scope="row" data-grid-row={row} aria-label={`batch ${batchSize}`}>
                  {batchSize}
                </th>
                {grid.learningRates.map((learningRate, col) => {
                  const index = row * cols + col;
                  const cell = grid.cells[index];
                  const summary = heatmap.summaries[index];
                  if (cell === undefined || summary === undefined) return <td key={learningRate} role="gridcell" />;
                  const position = { row, col };
                  const description = describeCell(
                    cell.batchSize,
                    cell.learningRate,
                    cell.runs.map((run) => ({ status: run.status, epochsDone: run.epochs.length, error: run.error })),
                    summary,
                    definition,
                    plannedEpochs,
                  );
                  return (
                    <GridCell
                      key={learningRate}
                      cell={cell}
                      summary={summary}
                      description={description}
                      metric={definition}
                      color={summary.value === null ? null : heatmap.scale.colorOf(summary.value)}
                      sparklineDomain={heatmap.sparklineDomain}
                      plannedEpochs={plannedEpochs}
                      selected={cell.runs.length > 0 && cell.runs.every((run) => chosen.has(run.id))}
                      tabStop={tabStop.row === row && tabStop.col === col}
                      cellRef={(element) => {
                        if (element === null) cellElements.current.delete(positionKey(position));
                        else cellElements.current.set(positionKey(position), element);
                      }}
                      onClick={() => {
                        setFocus(position);
                        onToggle(cell);
                      }}
                      onFocus={() => setFocus(position)}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <GridOverlay frame={frame} rows={rows} cols={cols} ratioLines={ratioLines} frontier={frontier} />
      </div>
    </div>
  );
}

'use client';

import { memo } from 'react';

import { CELL_SYMBOLS, cellAttributes, describeLiveCell, sameCell, type GridCellProps } from './grid-cell';
import styles from './sweep-grid.module.css';

/**
 * One cell of the heatmap when the grid is too large for detailed cells: its
 * value (or its state's symbol while it has none) on its colour, nothing more.
 * The grid shows the rest for the cell under the pointer or with focus (see
 * {@link CellDetails}). Named for screen readers as a detailed cell is, and
 * with the same `data-testid`, `data-state` and `data-value`.
 */
export const CompactCell = memo(function CompactCell(props: GridCellProps) {
  const { cell, summary, metric, plannedEpochs } = props;
  const empty = cell.runs.length === 0;
  const { label } = describeLiveCell(cell, summary, metric, plannedEpochs);
  return (
    <td {...cellAttributes(props)} aria-label={label}>
      {!empty && <span className={styles.compactValue}>{summary.value === null ? CELL_SYMBOLS[summary.state] : metric.format(summary.value)}</span>}
    </td>
  );
}, sameCell);

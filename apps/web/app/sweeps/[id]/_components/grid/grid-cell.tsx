'use client';

import { memo, type CSSProperties } from 'react';

import type { CellSummary } from './aggregate-repeats';
import { countEpochs, type LiveCell } from '../live/apply-sweep-events';
import type { SparklineDomain } from './build-sparkline';
import { CellSparkline } from './cell-sparkline';
import { describeCell } from './describe-cell';
import type { GridMetricDefinition } from './grid-metrics';
import styles from './sweep-grid.module.css';

/** Props of {@link GridCell}. */
export interface GridCellProps {
  cell: LiveCell;
  /** Its place in the grid's cells, row by row: the grid finds the cell a click or a key was on by it (`data-index`). */
  index: number;
  /** The cell's runs folded for `metric`: it follows from `cell`, `metric` and `plannedEpochs`. */
  summary: CellSummary;
  metric: GridMetricDefinition;
  /** The fill for its value and the text colour on it; null for a cell without one (it takes its state's colours). */
  fill: string | null;
  text: string | null;
  sparklineDomain: SparklineDomain | null;
  plannedEpochs: number;
  /** Every run of the cell is selected. */
  selected: boolean;
  /** The cell holding the grid's roving tab stop. */
  tabStop: boolean;
}

/** The symbol each state shows beside its words, or in place of a value in a compact cell. */
export const CELL_SYMBOLS: Record<CellSummary['state'], string> = {
  'never-run': '',
  queued: '…',
  running: '▶',
  succeeded: '✓',
  diverged: '↯',
  failed: '✕',
  cancelled: '⊘',
  stopped_early: '⇥',
  pruned: '✂',
};

/**
 * Whether a cell shows the same: `summary` is left out, since it follows from
 * the cell, the metric and the planned epochs (a new heatmap makes new
 * summaries of the same cells on every batch of events).
 */
export function sameCell(before: GridCellProps, after: GridCellProps): boolean {
  return (
    before.cell === after.cell &&
    before.index === after.index &&
    before.metric === after.metric &&
    before.plannedEpochs === after.plannedEpochs &&
    before.fill === after.fill &&
    before.text === after.text &&
    before.sparklineDomain === after.sparklineDomain &&
    before.selected === after.selected &&
    before.tabStop === after.tabStop
  );
}

/** What {@link describeCell} says of a cell of the live grid. */
export function describeLiveCell(cell: LiveCell, summary: CellSummary, metric: GridMetricDefinition, plannedEpochs: number) {
  return describeCell(
    cell.batchSize,
    cell.learningRate,
    cell.runs.map((run) => ({ status: run.status, epochsDone: countEpochs(run), error: run.error, instability: run.instability })),
    summary,
    metric,
    plannedEpochs,
  );
}

/**
 * The attributes a cell's `<td>` has at either density: its role and place for the grid's
 * keyboard handling, the test hooks, its classes (state, filled or not, selected), its fill
 * and whether it is selected.
 */
export function cellAttributes({ cell, index, summary, fill, text, selected, tabStop }: GridCellProps) {
  // Plain properties, not custom ones: a custom property inherited by every element of the
  // cell made recolouring a thousand cells one long style recalculation.
  const style: CSSProperties | undefined = fill === null || text === null ? undefined : { backgroundColor: fill, color: text };
  const className = [styles.cell, styles[summary.state], fill === null ? styles.unfilled : styles.filled, selected ? styles.selected : '']
    .filter(Boolean)
    .join(' ');
  return {
    role: 'gridcell',
    'data-index': index,
    'data-testid': `cell-${cell.batchSize}-${String(cell.learningRate)}`,
    'data-state': summary.state,
    'data-value': summary.value ?? '',
    className,
    style,
    tabIndex: tabStop ? 0 : -1,
    'aria-selected': cell.runs.length === 0 ? undefined : selected,
  };
}

/**
 * One cell of the heatmap: the value of the chosen metric (the mean over
 * repeats, with their count), a sparkline of validation accuracy, its state
 * (with a progress bar while running) and, for runs that ended early (failed,
 * diverged, stopped early, pruned), why in its tooltip. Its fill comes from
 * the colour scale, its text colour from the fill. The grid moves focus among
 * cells; a cell is a `gridcell` named by a sentence for screen readers
 * ("batch 32, learning rate 0.1, succeeded, final validation accuracy
 * 83.8 %"), `aria-selected` when its runs are.
 *
 * Its `data-testid` is `cell-<batchSize>-<learningRate>` with the learning
 * rate as `String(number)`, e.g. `cell-32-0.1`.
 *
 * It draws again only when what it shows changes: the grid renders on every
 * batch of live events, and a large sweep has a thousand cells of which a
 * batch touches a few. Clicks and focus are the grid's to handle.
 */
export const GridCell = memo(function GridCell(props: GridCellProps) {
  const { cell, summary, metric, sparklineDomain, plannedEpochs } = props;
  const empty = cell.runs.length === 0;
  const description = describeLiveCell(cell, summary, metric, plannedEpochs);
  const progress = summary.epochsPlanned > 0 ? Math.min(1, summary.epochsDone / summary.epochsPlanned) : 0;

  return (
    <td {...cellAttributes(props)} title={description.title}>
      {/* The cell's name comes from this text; what it shows says the same in short, so it is hidden from screen readers. */}
      <span className="visually-hidden" data-testid="cell-label">
        {description.label}
      </span>
      <div className={styles.body} aria-hidden="true">
        <span data-testid="cell-value" className={styles.value}>
          {empty ? '' : metric.format(summary.value)}
          {!empty && summary.spread !== null && <span className={styles.spread}> ± {metric.formatSpread(summary.spread)}</span>}
        </span>
        {description.epochText !== '' && (
          <span data-testid="cell-epoch" className={styles.epoch}>
            {description.epochText}
          </span>
        )}
        {!empty && <CellSparkline runs={cell.runs} plannedEpochs={plannedEpochs} domain={sparklineDomain} />}
        <span data-testid="cell-status" className={styles.status}>
          {CELL_SYMBOLS[summary.state] === '' ? description.stateText : `${CELL_SYMBOLS[summary.state]} ${description.stateText}`}
        </span>
        {cell.runs.length > 1 && (
          <span className={styles.count} data-testid="cell-count">
            {summary.valueCount === cell.runs.length ? `n=${summary.valueCount}` : `n=${summary.valueCount}/${cell.runs.length}`}
          </span>
        )}
        {summary.state === 'running' && (
          <span className={styles.progress}>
            <span style={{ width: `${(progress * 100).toFixed(1)}%` }} />
          </span>
        )}
      </div>
    </td>
  );
}, sameCell);

'use client';

import { useLayoutEffect, useState } from 'react';

import { formatLearningRate } from '@/lib/format';

import type { CellSummary } from './aggregate-repeats';
import type { LiveCell } from '../live/apply-sweep-events';
import type { SparklineDomain } from './build-sparkline';
import { CellSparkline } from './cell-sparkline';
import { CELL_SYMBOLS, describeLiveCell } from './grid-cell';
import type { GridMetricDefinition } from './grid-metrics';
import styles from './sweep-grid.module.css';

/** Props of {@link CellDetails}. */
export interface CellDetailsProps {
  /** The positioned box around the grid's table, in which the details are placed; null until mounted. */
  frame: HTMLDivElement | null;
  /** The cell's place in the grid's cells, row by row: the details sit beside the element with this `data-index`. */
  index: number;
  cell: LiveCell;
  summary: CellSummary;
  metric: GridMetricDefinition;
  plannedEpochs: number;
  sparklineDomain: SparklineDomain | null;
}

/** The details' width in CSS pixels: the stylesheet's, for keeping them inside the frame. */
const WIDTH = 240;

/**
 * What a compact cell leaves out, shown beside the cell under the pointer or
 * with focus: where it is, its value with the spread over repeats, its epochs,
 * its state with why runs ended early, and its sparkline. Below the cell, or
 * above it near the grid's foot, and never past the grid's right edge.
 * Hidden from screen readers: the cell's own name says the same.
 */
export function CellDetails({ frame, index, cell, summary, metric, plannedEpochs, sparklineDomain }: CellDetailsProps) {
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  const [element, setElement] = useState<HTMLDivElement | null>(null);

  useLayoutEffect(() => {
    const target = frame?.querySelector(`[data-index="${index}"]`);
    if (frame === null || target === null || target === undefined || element === null) {
      setAt(null);
      return;
    }
    const origin = frame.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    const height = element.offsetHeight;
    const below = rect.bottom - origin.top + 4;
    const top = below + height <= frame.scrollHeight ? below : rect.top - origin.top - height - 4;
    const left = Math.max(0, Math.min(rect.left - origin.left, frame.scrollWidth - WIDTH));
    setAt((previous) => (previous?.left === left && previous.top === top ? previous : { left, top }));
  }, [frame, index, element]);

  const description = describeLiveCell(cell, summary, metric, plannedEpochs);
  const symbol = CELL_SYMBOLS[summary.state];
  return (
    <div
      ref={setElement}
      className={styles.details}
      data-testid="cell-details"
      aria-hidden="true"
      style={at === null ? { visibility: 'hidden' } : { left: at.left, top: at.top }}
    >
      <p className={styles.detailsWhere}>
        batch {cell.batchSize} · learning rate {formatLearningRate(cell.learningRate)}
      </p>
      {cell.runs.length > 0 && (
        <p>
          <span className={styles.detailsValue}>{metric.format(summary.value)}</span>
          {summary.spread !== null && <span> ± {metric.formatSpread(summary.spread)}</span>} {metric.label}
          {cell.runs.length > 1 && `, n=${summary.valueCount}/${cell.runs.length}`}
        </p>
      )}
      <p>
        {symbol === '' ? '' : `${symbol} `}
        {description.detail}
        {description.epochText === '' ? '' : ` · epoch ${description.epochText}`}
      </p>
      {cell.runs.length > 0 && <CellSparkline runs={cell.runs} plannedEpochs={plannedEpochs} domain={sparklineDomain} />}
    </div>
  );
}

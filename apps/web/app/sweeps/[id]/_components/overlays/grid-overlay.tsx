'use client';

import { useLayoutEffect, useState } from 'react';

import type { GridPoint, RatioLine } from './ratio-lines';
import type { FrontierPath } from './build-frontier-path';
import styles from './overlays.module.css';

/** Props of {@link GridOverlay}. */
export interface GridOverlayProps {
  /**
   * The positioned box around the grid's table, which the overlay covers; null
   * until it is mounted. (An element rather than a ref: a parent's ref is set
   * after its children's layout effects run, so this one would never see it.)
   */
  frame: HTMLDivElement | null;
  rows: number;
  cols: number;
  /** Lines of constant learning rate ÷ batch size to draw; empty draws none. */
  ratioLines: readonly RatioLine[];
  /** The stability frontier to draw; null draws none. */
  frontier: FrontierPath | null;
}

/** Where the cells' centres are, in pixels from the frame's top left. */
interface Measured {
  width: number;
  height: number;
  xs: number[];
  ys: number[];
  /** One cell's pitch (size plus spacing), for a grid of one column or row. */
  pitchX: number;
  pitchY: number;
}

function centres(elements: Element[], origin: DOMRect, axis: 'x' | 'y'): number[] {
  return elements.map((element) => {
    const rect = element.getBoundingClientRect();
    return axis === 'x' ? rect.left + rect.width / 2 - origin.left : rect.top + rect.height / 2 - origin.top;
  });
}

/** Maps a fractional index onto measured centres, piecewise linear, extrapolating past the ends. */
function place(index: number, at: readonly number[], pitch: number): number {
  if (at.length === 1) return at[0]! + index * pitch;
  const i = Math.min(at.length - 2, Math.max(0, Math.floor(index)));
  return at[i]! + (index - i) * (at[i + 1]! - at[i]!);
}

function toPoints(points: readonly GridPoint[], measured: Measured): string {
  return points.map((p) => `${place(p.col, measured.xs, measured.pitchX).toFixed(1)},${place(p.row, measured.ys, measured.pitchY).toFixed(1)}`).join(' ');
}

/**
 * An SVG laid over the grid: dashed lines of constant learning rate ÷ batch
 * size and the stability frontier as a bold staircase, each drawn twice (a
 * dark halo under a light line) so it shows on every fill of the scale. It
 * measures where the cells are (the table sizes its columns to their content)
 * and measures again when the grid resizes. Decorative for screen readers: the
 * page says the same in words beside the grid. Nothing shows until measured,
 * so the server's HTML has none of it.
 */
export function GridOverlay({ frame, rows, cols, ratioLines, frontier }: GridOverlayProps) {
  const [measured, setMeasured] = useState<Measured | null>(null);

  useLayoutEffect(() => {
    if (frame === null) return undefined;
    const measure = () => {
      const origin = frame.getBoundingClientRect();
      const columnHeads = [...frame.querySelectorAll('[data-grid-col]')];
      const rowHeads = [...frame.querySelectorAll('[data-grid-row]')];
      const firstCell = frame.querySelector('[role="gridcell"]');
      if (columnHeads.length === 0 || rowHeads.length === 0 || firstCell === null) return;
      const cell = firstCell.getBoundingClientRect();
      setMeasured({
        width: frame.scrollWidth,
        height: frame.scrollHeight,
        xs: centres(columnHeads, origin, 'x'),
        ys: centres(rowHeads, origin, 'y'),
        pitchX: cell.width,
        pitchY: cell.height,
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    return () => observer.disconnect();
  }, [frame, rows, cols]);

  if (measured === null || (ratioLines.length === 0 && frontier === null)) return null;
  return (
    <svg
      className={styles.overlay}
      data-testid="grid-overlay"
      width={measured.width}
      height={measured.height}
      viewBox={`0 0 ${measured.width} ${measured.height}`}
      aria-hidden="true"
      focusable="false"
    >
      {ratioLines.map((line) => (
        <g key={line.learningRate} className={styles.ratio} data-testid="ratio-line" data-ratio={line.ratio}>
          <polyline className={styles.halo} points={toPoints(line.points, measured)} />
          <polyline className={styles.line} points={toPoints(line.points, measured)} />
        </g>
      ))}
      {frontier !== null &&
        frontier.lines.map((points, i) => (
          <g key={i} className={styles.frontier} data-testid="frontier-line">
            <polyline className={styles.halo} points={toPoints(points, measured)} />
            <polyline className={styles.line} points={toPoints(points, measured)} />
          </g>
        ))}
    </svg>
  );
}

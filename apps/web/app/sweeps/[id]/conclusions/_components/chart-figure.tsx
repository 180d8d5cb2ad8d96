'use client';

import { useRef, type ReactNode } from 'react';

import styles from '../conclusions.module.css';
import { DownloadPngButton } from '../../../../_components/charts/download/download-png-button';

/** Props of {@link ChartFigure}. */
export interface ChartFigureProps {
  /** The chart's heading. */
  title: string;
  /** The downloaded PNG's file name. */
  filename: string;
  /** `data-testid` of the figure. */
  testId: string;
  /** The chart: one `<svg>`; leave out when there is nothing to draw (the table still shows). */
  chart?: ReactNode;
  /** The same data as a table, for readers who cannot see the chart or want the numbers. */
  table: ReactNode;
}

/** A chart under its heading, with a Download PNG button and its data as a table, folded away. */
export function ChartFigure({ title, filename, testId, chart, table }: ChartFigureProps) {
  const chartRef = useRef<HTMLDivElement>(null);
  return (
    <figure className={styles.figure} data-testid={testId}>
      <div className={styles.figureHead}>
        <h3>{title}</h3>
        {chart !== undefined && <DownloadPngButton chartRef={chartRef} filename={filename} chartName={title} />}
      </div>
      {chart === undefined ? (
        table
      ) : (
        <>
          <div ref={chartRef}>{chart}</div>
          <details className={styles.fallback}>
            <summary>The data as a table</summary>
            {table}
          </details>
        </>
      )}
    </figure>
  );
}

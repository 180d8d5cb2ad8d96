'use client';

import Link from 'next/link';

import type { RunFeed } from '../../_components/run-curves/use-run-feed';
import { buildCompareRows, type CompareRow } from './build-compare-rows';
import styles from '../compare.module.css';

/** Props of {@link CompareTable}. */
export interface CompareTableProps {
  feeds: readonly RunFeed[];
  onRemove: (runId: string) => void;
}

function RowGroup({ title, rows }: { title: string; rows: readonly CompareRow[] }) {
  return (
    <tbody>
      <tr className={styles.compareGroup}>
        <th scope="colgroup" colSpan={(rows[0]?.cells.length ?? 0) + 1}>
          {title}
        </th>
      </tr>
      {rows.map((row) => (
        <tr key={row.key} data-testid={`compare-row-${row.key}`} data-differs={row.differs}>
          <th scope="row">
            {row.label}
            {row.differs && (
              <span className={styles.differsMarker} data-testid="differs-marker">
                <span aria-hidden="true"> ≠</span>
                <span className="visually-hidden"> (differs across runs)</span>
              </span>
            )}
          </th>
          {row.cells.map((cell, i) => (
            <td key={i} className={row.differs ? styles.differs : undefined}>
              {cell.href === undefined ? cell.text : <Link href={cell.href}>{cell.text}</Link>}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

/**
 * The compared runs side by side, one column each: their settings (the
 * sweep's and the cell's) and their current attempt's results, each row that
 * differs across the runs marked with ≠ and "differs across runs" for screen
 * readers, not by colour alone. Each column's head links to the run and can
 * remove it.
 */
export function CompareTable({ feeds, onRemove }: CompareTableProps) {
  const rows = buildCompareRows(feeds);
  return (
    <div className="table-scroll">
      <table className={`table ${styles.compareTable}`} data-testid="compare-table">
        <caption className={styles.compareCaption}>
          Settings and results of the compared runs. <span aria-hidden="true">≠</span> marks a row whose values differ across them.
        </caption>
        <thead>
          <tr>
            <td />
            {feeds.map((feed) => (
              <th key={feed.runId} scope="col" data-testid="compare-column">
                <Link href={`/runs/${encodeURIComponent(feed.runId)}`}>Run {feed.runId}</Link>
                {feed.run === null && <span className="muted"> (not found)</span>}{' '}
                <button type="button" className="button button-small" onClick={() => onRemove(feed.runId)} aria-label={`Remove run ${feed.runId}`}>
                  Remove
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <RowGroup title="Settings" rows={rows.filter((row) => row.group === 'settings')} />
        <RowGroup title="Results (current attempt)" rows={rows.filter((row) => row.group === 'results')} />
      </table>
    </div>
  );
}

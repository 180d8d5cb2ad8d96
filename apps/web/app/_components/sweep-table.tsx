import Link from 'next/link';

import { readFragment, RunBestFragment, type SweepSummary } from '@/graphql';
import { formatAge, formatDateTime, formatLearningRate, formatPercent } from '@/lib/format';
import { statesSetting } from '@/lib/stated-settings';

import { findBestRun } from './find-best-run';
import { ProgressBar } from './progress-bar';
import { RunCounts } from './run-counts';
import { SweepStatusBadge } from './sweep-status-badge';
import { TagList } from './annotations/tag-list';
import styles from './sweep-table.module.css';

/** Props of {@link SweepTable}. */
export interface SweepTableProps {
  sweeps: readonly SweepSummary[];
  /** What the table lists, for screen readers, e.g. "Your sweeps". */
  caption: string;
  /** The time ages are counted from, in milliseconds since the epoch. */
  now: number;
}

/**
 * Sweeps as table rows: name (a link to the sweep) with its tags (each a link to the
 * sweeps that carry it), status, progress (epochs
 * trained of all, and runs by status), best validation accuracy with its cell,
 * data set, and age.
 */
export function SweepTable({ sweeps, caption, now }: SweepTableProps) {
  return (
    <div className="table-scroll">
      <table className={`table ${styles.sweepTable}`}>
        <caption className="visually-hidden">{caption}</caption>
        {/* Fixed widths, so the tables of one page line up with each other. */}
        <colgroup>
          <col className={styles.colName} />
          <col className={styles.colStatus} />
          <col className={styles.colProgress} />
          <col className={styles.colBest} />
          <col className={styles.colDataset} />
          <col className={styles.colCreated} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col" className="num">
              Best val. accuracy
            </th>
            <th scope="col">Data set</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {sweeps.map((sweep) => {
            const best = findBestRun(readFragment(RunBestFragment, sweep.runs));
            return (
              <tr key={sweep.id} data-testid="sweep-row" data-sweep-id={sweep.id}>
                <td>
                  <Link href={`/sweeps/${encodeURIComponent(sweep.id)}`} className={styles.sweepName}>
                    {sweep.name}
                  </Link>
                  {/* An import fills its settings in from the seed preset, which its results never had. */}
                  {sweep.createdBy === 'import' ? (
                    <span className={styles.sweepPreset}>imported</span>
                  ) : (
                    sweep.preset !== null && <span className={styles.sweepPreset}>{sweep.preset}</span>
                  )}
                  <TagList tags={sweep.tags} hrefOf={(tag) => `/?tag=${encodeURIComponent(tag)}`} testId="sweep-tags" />
                </td>
                <td>
                  <SweepStatusBadge status={sweep.status} diverged={sweep.progress.diverged} testId="sweep-status" />
                </td>
                <td data-testid="sweep-progress">
                  {/* A built-in record holds reported results, not epochs trained here: no bar. */}
                  {!sweep.readOnly && (
                    <ProgressBar done={sweep.progress.epochsDone} total={sweep.progress.epochsTotal} label={`Epochs trained of ${sweep.name}`} />
                  )}
                  <RunCounts progress={sweep.progress} />
                </td>
                <td className="num" data-testid="sweep-best">
                  {best === null ? (
                    <span className="muted">–</span>
                  ) : (
                    <>
                      <span className={styles.bestAcc}>{formatPercent(best.valAccuracy)}</span>
                      <span className={styles.bestCell}>
                        batch {best.batchSize} · lr {formatLearningRate(best.learningRate)}
                        {best.repeat > 1 && <> · repeat {best.repeat}</>} · epoch {best.epoch}
                      </span>
                    </>
                  )}
                </td>
                <td>{statesSetting(sweep, 'dataset') ? sweep.dataset : <span className="muted">not stated</span>}</td>
                <td>
                  <time dateTime={sweep.createdAt} title={formatDateTime(sweep.createdAt)} suppressHydrationWarning data-testid="sweep-age">
                    {formatAge(sweep.createdAt, now)}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

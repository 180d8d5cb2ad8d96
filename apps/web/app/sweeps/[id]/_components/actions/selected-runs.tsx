'use client';

import Link from 'next/link';

import { compareHref } from '@/lib/compare-href';
import { formatAge, formatLearningRate, formatPercent } from '@/lib/format';

import { StatusBadge } from '../../../../_components/status-badge';
import { countEpochs, type LiveRun } from '../live/apply-sweep-events';
import { GRID_METRIC_DEFINITIONS } from '../grid/grid-metrics';
import { RunActions } from '../../../../_components/run-actions/run-actions';
import styles from './actions.module.css';

/** Props of {@link SelectedRuns}. */
export interface SelectedRunsProps {
  /** The selected runs, in the order they were selected. */
  runs: readonly LiveRun[];
  /** Epochs each run trains. */
  plannedEpochs: number;
  /** A built-in record: its runs cannot be cancelled or retried. */
  readOnly: boolean;
  /** The time now, in milliseconds since the epoch, for heartbeat ages. */
  now: number;
  onClear: () => void;
}

const finalAccuracy = GRID_METRIC_DEFINITIONS.finalValAccuracy;
const bestAccuracy = GRID_METRIC_DEFINITIONS.bestValAccuracy;

/**
 * The selected runs as a table: cell and repeat, status and attempt, epochs,
 * final and best validation accuracy, throughput, last heartbeat, why a run
 * ended early (failed, diverged, stopped early or pruned), and Cancel or Retry
 * where the run allows it.
 */
export function SelectedRuns({ runs, plannedEpochs, readOnly, now, onClear }: SelectedRunsProps) {
  if (runs.length === 0) {
    return (
      <p className="muted" data-testid="selection-hint">
        Select cells (click, or Enter / Space on the focused cell) to compare their runs’ curves here.
      </p>
    );
  }
  return (
    <section className={styles.selectedRuns} aria-labelledby="selected-runs-title" data-testid="selected-runs">
      <div className={styles.sectionHead}>
        <h2 id="selected-runs-title">
          Selected runs <span className="muted">({runs.length})</span>
        </h2>
        <div className={styles.sectionActions}>
          <Link className="button button-small" href={compareHref(runs.map((run) => run.id))} data-testid="compare-selected">
            Compare {runs.length === 1 ? 'this run' : `these ${runs.length} runs`}
          </Link>
          <button type="button" className="button button-small" onClick={onClear} data-testid="clear-selection">
            Clear selection
          </button>
        </div>
      </div>
      <div className="table-scroll">
        <table className={`table ${styles.selectedTable}`}>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Epoch
              </th>
              <th scope="col" className="num">
                Final val. acc.
              </th>
              <th scope="col" className="num">
                Best val. acc.
              </th>
              <th scope="col" className="num">
                Images/s
              </th>
              <th scope="col">Heartbeat</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const name = `batch ${run.batchSize}, lr ${formatLearningRate(run.learningRate)}, repeat ${run.repeat}`;
              return (
                <tr key={run.id} data-testid="selected-run" data-run-id={run.id}>
                  <th scope="row">
                    <Link href={`/runs/${encodeURIComponent(run.id)}`} data-testid="selected-run-link">
                      batch {run.batchSize} · lr {formatLearningRate(run.learningRate)}
                    </Link>
                    <span className="muted"> · repeat {run.repeat}</span>
                    {run.attempt > 1 && <span className="muted"> · attempt {run.attempt}</span>}
                    {run.error !== null && (
                      <span className={`run-error run-error-${run.status.toLowerCase()}`} data-testid="run-error">
                        {run.error}
                      </span>
                    )}
                  </th>
                  <td>
                    <StatusBadge status={run.status} testId="selected-run-status" />
                  </td>
                  <td className="num">
                    {countEpochs(run)}/{plannedEpochs}
                  </td>
                  <td className="num">{finalAccuracy.format(finalAccuracy.read(run))}</td>
                  <td className="num">{formatPercent(bestAccuracy.read(run))}</td>
                  <td className="num">{run.imagesPerSecond === null ? '–' : run.imagesPerSecond.toFixed(0)}</td>
                  <td>{run.heartbeatAt === null ? '–' : <time dateTime={run.heartbeatAt}>{formatAge(run.heartbeatAt, now)}</time>}</td>
                  <td>{readOnly ? <span className="muted">read-only</span> : <RunActions runId={run.id} status={run.status} name={name} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

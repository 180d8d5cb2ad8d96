import type { RunCountsData, RunStatus } from '@/graphql';
import { statusLabel } from '@/lib/status-label';
import styles from './run-counts.module.css';

/** Props of {@link RunCounts}. */
export interface RunCountsProps {
  progress: RunCountsData;
  /** More styles, from where it is shown. */
  className?: string;
}

type CountField = 'succeeded' | 'stoppedEarly' | 'pruned' | 'running' | 'queued' | 'failed' | 'diverged' | 'cancelled';

// Good endings first, then work still to do, then what went wrong.
const ORDER: readonly (readonly [CountField, RunStatus])[] = [
  ['succeeded', 'SUCCEEDED'],
  ['stoppedEarly', 'STOPPED_EARLY'],
  ['pruned', 'PRUNED'],
  ['running', 'RUNNING'],
  ['queued', 'QUEUED'],
  ['failed', 'FAILED'],
  ['diverged', 'DIVERGED'],
  ['cancelled', 'CANCELLED'],
];

/** A sweep's runs by status, e.g. "3 succeeded · 1 stopped early · 1 running"; statuses with no runs are left out. */
export function RunCounts({ progress, className }: RunCountsProps) {
  const parts = ORDER.filter(([field]) => progress[field] > 0);
  if (parts.length === 0) return <span className="muted">no runs</span>;
  return (
    <span className={className === undefined ? styles.counts : `${styles.counts} ${className}`}>
      {parts.map(([field, status]) => {
        const slug = status.toLowerCase();
        return (
          <span key={field} className={styles.count}>
            <span className={`${styles.dot} ${styles[slug]}`} aria-hidden="true" />
            {progress[field]} {statusLabel(status)}
          </span>
        );
      })}
    </span>
  );
}

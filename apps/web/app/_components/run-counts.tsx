import type { SweepSummary } from '@/graphql';

/** Props of {@link RunCounts}. */
export interface RunCountsProps {
  progress: SweepSummary['progress'];
}

const ORDER = ['succeeded', 'running', 'queued', 'failed', 'diverged', 'cancelled'] as const;

/** A sweep's runs by status, e.g. "3 succeeded · 1 running · 1 queued"; statuses with no runs are left out. */
export function RunCounts({ progress }: RunCountsProps) {
  const parts = ORDER.filter((status) => progress[status] > 0);
  if (parts.length === 0) return <span className="muted">no runs</span>;
  return (
    <span className="run-counts">
      {parts.map((status) => (
        <span key={status} className={`run-count run-count-${status}`}>
          <span className={`dot dot-${status}`} aria-hidden="true" />
          {progress[status]} {status}
        </span>
      ))}
    </span>
  );
}

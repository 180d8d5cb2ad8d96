import type { SweepProgress as ProgressSummary } from '@sweepscope/conclusions';

import { ProgressBar } from '../../../../_components/progress-bar';
import { RunCounts } from '../../../../_components/run-counts';
import { estimateEta, formatEta } from './estimate-eta';
import styles from './sweep-progress.module.css';

/** Props of {@link SweepProgress}. */
export interface SweepProgressProps {
  progress: ProgressSummary;
  /** Recent epoch wall times in milliseconds, for the estimate. */
  recentDurationsMs: readonly number[];
}

const ETA_EXPLAINED =
  'Remaining epochs × the mean wall time of the training runs’ last three epochs ÷ the runs training now. ' +
  'It assumes as many runs keep training in parallel; “—” while no run is training or no epoch has a time yet.';

/** Epochs done of all the sweep will train, its runs by status, and how long it has left. */
export function SweepProgress({ progress, recentDurationsMs }: SweepProgressProps) {
  const eta = estimateEta({
    epochsDone: progress.epochsDone,
    epochsTotal: progress.epochsTotal,
    running: progress.running,
    recentDurationsMs,
  });
  return (
    <section className={styles.progress} aria-label="Progress" data-testid="sweep-progress">
      <div className={styles.bar}>
        <span className={styles.label}>Epochs</span>
        <ProgressBar done={progress.epochsDone} total={progress.epochsTotal} label="Epochs trained" />
      </div>
      <RunCounts progress={progress} className={styles.runCounts} />
      <span className={styles.eta} data-testid="eta" title={ETA_EXPLAINED}>
        <span className="muted">ETA</span> {progress.queued + progress.running === 0 ? 'done' : formatEta(eta)}
      </span>
    </section>
  );
}

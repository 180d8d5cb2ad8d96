import styles from './progress-bar.module.css';

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** Work done so far, e.g. epochs stored. */
  done: number;
  /** All the work there is; 0 draws an empty bar. */
  total: number;
  /** What is counted, for screen readers, e.g. "Epochs trained". */
  label: string;
}

/** A thin bar with `done` of `total` filled, and the numbers beside it. */
export function ProgressBar({ done, total, label }: ProgressBarProps) {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <span className={styles.progress}>
      <span className={styles.track} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <span className={styles.fill} style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </span>
      <span className={styles.text}>
        {done}/{total}
      </span>
    </span>
  );
}

import { describeInterruption, type InterruptionFields } from './describe-interruption';
import styles from '../run-page.module.css';

/** Props of {@link InterruptionList}. */
export interface InterruptionListProps {
  interruptions: readonly (InterruptionFields & { reason: string })[];
}

/**
 * Every time the run stopped part-way and resumed from its checkpoint, oldest
 * first, with the reason the system gave in each entry's tooltip; nothing when
 * it never stopped.
 */
export function InterruptionList({ interruptions }: InterruptionListProps) {
  if (interruptions.length === 0) return null;
  return (
    <section aria-labelledby="run-interruptions-title" className="run-section" data-testid="run-interruptions">
      <h2 id="run-interruptions-title">Interruptions</h2>
      <p className="muted">Each time, the run resumed from its last stored epoch on the same attempt: at most the epoch in flight was lost.</p>
      <ol className={styles.interruptionList}>
        {interruptions.map((interruption) => (
          <li key={`${interruption.at}-${interruption.kind}`} title={interruption.reason} data-testid="run-interruption">
            {describeInterruption(interruption)}
          </li>
        ))}
      </ol>
    </section>
  );
}

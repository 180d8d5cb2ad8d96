import type { SummaryLine } from '../_lib/summarize-conclusions';
import styles from '../conclusions.module.css';

/** Props of {@link ConclusionsSummary}. */
export interface ConclusionsSummaryProps {
  lines: readonly SummaryLine[];
}

/**
 * The page's answers at its head, one line each (best cell, scaling, frontier, reference),
 * each linking to the section that shows why: the page is long, and these are what most
 * readers came for.
 */
export function ConclusionsSummary({ lines }: ConclusionsSummaryProps) {
  return (
    <section aria-labelledby="summary-title" className={styles.summary} data-testid="summary">
      <h2 id="summary-title">In short</h2>
      <dl>
        {lines.map((line) => (
          <div key={line.key} data-testid={line.key === 'best' ? 'best-cell' : `summary-${line.key}`}>
            <dt>{line.term}</dt>
            <dd>
              {line.text} <a href={`#${line.section}`}>Why</a>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

import type { ReactNode } from 'react';

import styles from '../conclusions.module.css';

/** Props of {@link ConclusionsSection}. */
export interface ConclusionsSectionProps {
  /** The section's anchor (`#ranking`); its heading's id and its `data-testid` (`ranking-section`) follow from it. */
  id: string;
  title: string;
  children: ReactNode;
}

/** One section of the conclusions page: a landmark named by its heading, reachable by its anchor. */
export function ConclusionsSection({ id, title, children }: ConclusionsSectionProps) {
  return (
    <section id={id} className={styles.section} aria-labelledby={`${id}-title`} data-testid={`${id}-section`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

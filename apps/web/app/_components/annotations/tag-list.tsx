import Link from 'next/link';

import styles from './annotations.module.css';

/** Props of {@link TagList}. */
export interface TagListProps {
  tags: readonly string[];
  /** Where a tag leads, e.g. the sweeps filtered by it; plain text when not given. */
  hrefOf?: (tag: string) => string;
  /** The list's `data-testid`. */
  testId?: string;
}

/** Tags as a row of chips, each a link when `hrefOf` is given; nothing for no tags. */
export function TagList({ tags, hrefOf, testId }: TagListProps) {
  if (tags.length === 0) return null;
  return (
    <ul className={styles.tags} aria-label="Tags" data-testid={testId}>
      {tags.map((tag) => (
        <li key={tag}>
          {hrefOf === undefined ? (
            <span className={styles.tag}>{tag}</span>
          ) : (
            <Link className={styles.tag} href={hrefOf(tag)} data-testid="tag-link">
              {tag}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

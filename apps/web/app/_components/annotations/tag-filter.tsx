import styles from './annotations.module.css';

/** Props of {@link TagFilter}. */
export interface TagFilterProps {
  /** The tag a list is filtered by; nothing is shown for ''. */
  tag: string;
  /** What the list holds, for the clear button's name: `sweeps`, `runs`. */
  items: string;
  onClear: () => void;
}

/** A list's tag filter, as a chip that says which tag, with a button that clears it. */
export function TagFilter({ tag, items, onClear }: TagFilterProps) {
  if (tag === '') return null;
  return (
    <span className={styles.tagFilter} data-testid="tag-filter">
      Tag <strong>{tag}</strong>
      <button type="button" className="button" onClick={onClear} aria-label={`Show ${items} with any tag, not only ${tag}`}>
        ×
      </button>
    </span>
  );
}

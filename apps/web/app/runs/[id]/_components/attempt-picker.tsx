'use client';

import { useId } from 'react';
import styles from '../run-page.module.css';

/** Props of {@link AttemptPicker}. */
export interface AttemptPickerProps {
  /** The run's current attempt, 1-based: the attempts are 1 … this. */
  current: number;
  /** The attempt shown. */
  value: number;
  onChange: (attempt: number) => void;
}

/**
 * Chooses which attempt's epochs the page shows: a retry starts a new attempt
 * at epoch 1 and the earlier ones stay. With one attempt there is nothing to
 * choose, and it says so.
 */
export function AttemptPicker({ current, value, onChange }: AttemptPickerProps) {
  const id = useId();
  if (current <= 1) return <p className={`muted ${styles.attemptNote}`}>Attempt 1, the only one.</p>;
  return (
    <p className={styles.attemptNote}>
      <label className="field-inline" htmlFor={id}>
        Attempt
        <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))} data-testid="attempt-picker">
          {Array.from({ length: current }, (_, i) => current - i).map((attempt) => (
            <option key={attempt} value={attempt}>
              {attempt === current ? `${attempt} (current)` : `${attempt}`}
            </option>
          ))}
        </select>
      </label>{' '}
      <span className="muted">of {current}: a retry trains the cell again from epoch 1; earlier attempts&apos; epochs stay.</span>
    </p>
  );
}

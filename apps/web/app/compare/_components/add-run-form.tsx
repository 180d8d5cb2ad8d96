'use client';

import { useId, useState, type FormEvent } from 'react';
import styles from '../compare.module.css';

/** Props of {@link AddRunForm}. */
export interface AddRunFormProps {
  /** Runs already compared, to refuse a second copy. */
  runIds: readonly string[];
  onAdd: (runId: string) => void;
}

/**
 * Adds a run to the comparison by its id (the number on its page and in the
 * sweep's grid). An id that is not a whole number, or one already compared, is
 * refused at the field; an id no run has shows as not found in the table.
 */
export function AddRunForm({ runIds, onAdd }: AddRunFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const runId = text.trim();
    if (!/^\d+$/.test(runId)) {
      setError(`“${runId}” is not a run id: expected a whole number, such as 12.`);
      return;
    }
    if (runIds.includes(runId)) {
      setError(`Run ${runId} is compared already.`);
      return;
    }
    setError(null);
    setText('');
    onAdd(runId);
  };

  return (
    <form className={styles.addRun} onSubmit={submit} noValidate data-testid="add-run">
      <label htmlFor={id} className="field-inline">
        Add a run by id
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error === null ? undefined : true}
          aria-describedby={error === null ? undefined : `${id}-error`}
          size={8}
        />
      </label>
      <button type="submit" className="button">
        Add
      </button>
      {error !== null && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

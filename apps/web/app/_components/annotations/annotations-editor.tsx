'use client';

import { useId, useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';

import { splitFieldErrors, type FieldErrors } from '@/graphql';

import { FormField } from '../form-field';
import styles from './annotations.module.css';
import { readTagsText } from './read-tags-text';
import { TagList } from './tag-list';

/** A change of name, tags and notes as the form sends it. */
export interface AnnotationsChange {
  name?: string;
  tags: string[];
  notes: string;
}

/** Props of {@link AnnotationsEditor}. */
export interface AnnotationsEditorProps {
  /** What they describe, in the button's words and the test ids: `sweep` or `run`. */
  subject: 'sweep' | 'run';
  tags: readonly string[];
  notes: string;
  /** A sweep's name, edited with its tags and notes; left out for a run. */
  name?: string;
  /** Where a tag leads, e.g. the list filtered by it. */
  tagHref?: (tag: string) => string;
  /** A built-in record: shown, not editable. */
  readOnly: boolean;
  /** Stores a change: resolves to the API's refusal, or undefined once stored. */
  save: (change: AnnotationsChange) => Promise<CombinedError | undefined>;
}

/**
 * A sweep's or a run's tags and notes, as W&B shows them under a run's name,
 * with an Edit button that opens a form in place: tags as one text field
 * separated by commas, notes as free text, and for a sweep its name. A value
 * the API refuses is shown under its field in the API's words, and the form
 * stays open with what was typed.
 */
export function AnnotationsEditor({ subject, tags, notes, name, tagHref, readOnly, save }: AnnotationsEditorProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ name: '', tags: '', notes: '' });
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({ byField: {}, other: [] });

  const open = () => {
    setDraft({ name: name ?? '', tags: tags.join(', '), notes });
    setErrors({ byField: {}, other: [] });
    setEditing(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const refusal = await save({ ...(name === undefined ? {} : { name: draft.name }), tags: readTagsText(draft.tags), notes: draft.notes });
    setSaving(false);
    if (refusal === undefined) setEditing(false);
    else setErrors(splitFieldErrors(refusal));
  };

  if (editing) {
    return (
      <form className={styles.editor} onSubmit={(event) => void submit(event)} aria-label={`Edit the ${subject}`} data-testid={`${subject}-annotations-form`}>
        {name !== undefined && (
          <FormField id={`${id}-name`} label="Name" error={errors.byField['name']}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={draft.name}
                onChange={(event) => setDraft({ ...draft, name: event.target.value })}
                data-testid="annotations-name"
              />
            )}
          </FormField>
        )}
        <FormField id={`${id}-tags`} label="Tags" help="Separated by commas: up to 20, each up to 64 characters." error={errors.byField['tags']}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={draft.tags}
              onChange={(event) => setDraft({ ...draft, tags: event.target.value })}
              placeholder="baseline, fig 3"
              data-testid="annotations-tags"
            />
          )}
        </FormField>
        <FormField id={`${id}-notes`} label="Notes" help="Up to 10,000 characters." error={errors.byField['notes']}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={draft.notes}
              onChange={(event) => setDraft({ ...draft, notes: event.target.value })}
              data-testid="annotations-notes"
            />
          )}
        </FormField>
        {errors.other.length > 0 && (
          <p role="alert" className="field-error" data-testid="annotations-error">
            {errors.other.join(' ')}
          </p>
        )}
        <div className={styles.editorActions}>
          <button type="submit" className="button button-primary" disabled={saving} data-testid="annotations-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)} disabled={saving}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  const empty = tags.length === 0 && notes === '';
  if (empty && readOnly) return null;
  return (
    <div className={styles.annotations} data-testid={`${subject}-annotations`}>
      <TagList tags={tags} {...(tagHref === undefined ? {} : { hrefOf: tagHref })} testId={`${subject}-tags`} />
      {notes !== '' && (
        <p className={styles.notes} data-testid={`${subject}-notes`}>
          {notes}
        </p>
      )}
      {!readOnly && (
        <button type="button" className={`button ${styles.edit}`} onClick={open} data-testid={`edit-${subject}`}>
          {empty ? 'Add tags and notes' : name === undefined ? 'Edit tags and notes' : 'Edit name, tags and notes'}
        </button>
      )}
    </div>
  );
}

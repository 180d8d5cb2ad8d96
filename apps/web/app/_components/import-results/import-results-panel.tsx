'use client';

import { useRouter } from 'next/navigation';
import { useState, type DragEvent, type FormEvent } from 'react';
import { formatBytes } from '@sweepscope/core';

import { apiRouteUrl } from '@/lib/api-route-url';
import { useFocusAfterRender } from '@/lib/use-focus-after-render';
import { useUrlState } from '@/lib/use-url-state';
import { useConnection } from '@/urql/connection-context';

import { FormField } from '../form-field';
import { ProgressBar } from '../progress-bar';
import { sweepListUrlState } from '../sweep-list-url-state';
import { detectResultsFormat, RESULTS_FORMATS, type ResultsFormat } from './detect-results-format';
import { findErrorLine, readLines, type NumberedLine } from './read-error-lines';
import { uploadResults } from './upload-results';
import styles from './import-results.module.css';

/** The fields of the panel the API may name in a refusal. */
type ImportField = 'format' | 'name' | 'dataset' | 'batchSize' | 'learningRate' | 'repeat';

const FORMAT_LABELS: Record<ResultsFormat, string> = {
  csv: 'CSV table of epoch rows',
  json: 'JSON array of epoch rows',
  'keras-history': 'Keras History.history (one run)',
};

/** A refusal of the file itself, with the lines around the one it names. */
interface ContentError {
  message: string;
  lines: NumberedLine[];
  line: number | undefined;
}

type Stage = { kind: 'idle' } | { kind: 'sending'; sent: number; total: number } | { kind: 'storing' } | { kind: 'opening' };

const fieldId = (field: ImportField | 'file'): string => `import-${field}`;

/**
 * The Import panel, open while the URL has `?import=1`: a results file trained elsewhere
 * (dropped, or chosen) goes to the API's upload route, which takes files of any size. The
 * format is guessed from the file and can be changed; a Keras history asks for the cell it
 * trained. Progress shows while the file is sent, then while the API stores it; a refusal
 * of a value is shown at its field, and a refusal of the file names its line and shows it
 * among its neighbours. Once stored, it opens the sweep.
 */
export function ImportResultsPanel() {
  const router = useRouter();
  const { apiUrl } = useConnection();
  const [{ import: open }, setUrlState] = useUrlState(sweepListUrlState);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ResultsFormat>('csv');
  const [values, setValues] = useState<Record<Exclude<ImportField, 'format'>, string>>({ name: '', dataset: '', batchSize: '', learningRate: '', repeat: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ImportField | 'file', string>>>({});
  const [contentError, setContentError] = useState<ContentError | null>(null);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const focusAfterRender = useFocusAfterRender();

  if (!open) return null;
  const busy = stage.kind !== 'idle';

  async function choose(chosen: File | null): Promise<void> {
    setFile(chosen);
    setFieldErrors({});
    setContentError(null);
    setOtherErrors([]);
    if (chosen !== null) setFormat(detectResultsFormat(chosen.name, await chosen.slice(0, 64).text()));
  }

  function drop(event: DragEvent<HTMLElement>): void {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files[0] ?? null);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setFieldErrors({});
    setContentError(null);
    setOtherErrors([]);
    if (file === null) {
      setFieldErrors({ file: 'Choose a results file, or drop one here.' });
      focusAfterRender(fieldId('file'));
      return;
    }
    const cell: Record<string, string> =
      format === 'keras-history' ? { batchSize: values.batchSize, learningRate: values.learningRate, repeat: values.repeat } : {};
    const url = apiRouteUrl(apiUrl, '/imports', { format, filename: file.name, name: values.name, dataset: values.dataset, ...cell });
    setStage({ kind: 'sending', sent: 0, total: file.size });
    const result = await uploadResults({
      url,
      file,
      onProgress: (sent, total) => setStage({ kind: 'sending', sent, total }),
      onSent: () => setStage({ kind: 'storing' }),
    });
    if (result.ok) {
      setStage({ kind: 'opening' });
      router.push(`/sweeps/${encodeURIComponent(result.sweep.sweepId)}`);
      return;
    }
    setStage({ kind: 'idle' });
    const atFields: Partial<Record<ImportField, string>> = {};
    const others: string[] = [];
    let content: ContentError | null = null;
    for (const error of result.errors) {
      if (error.field === 'content') {
        const line = findErrorLine(error.message, file.name);
        content ??= { message: error.message, line, lines: line === undefined ? [] : await readLines(file, line - 2, line + 1) };
      } else if (error.field !== undefined && error.field in FIELD_LABELS) {
        atFields[error.field as ImportField] ??= error.message;
      } else {
        others.push(error.message);
      }
    }
    setFieldErrors(atFields);
    setContentError(content);
    setOtherErrors(others);
    const first = (['format', 'name', 'dataset', 'batchSize', 'learningRate', 'repeat'] as const).find((field) => atFields[field] !== undefined);
    if (first !== undefined) focusAfterRender(fieldId(first));
  }

  const textField = (field: Exclude<ImportField, 'format'>, help: string, numeric = false) => (
    <FormField key={field} id={fieldId(field)} label={FIELD_LABELS[field]} help={help} error={fieldErrors[field]}>
      {(control) => (
        <input
          {...control}
          name={field}
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          autoComplete="off"
          value={values[field]}
          disabled={busy}
          onChange={(event) => {
            setValues((current) => ({ ...current, [field]: event.target.value }));
            setFieldErrors(({ [field]: _fixed, ...rest }) => rest);
          }}
        />
      )}
    </FormField>
  );

  return (
    <section id="import-panel" className="panel" aria-labelledby="import-title" data-testid="import">
      <h2 id="import-title">Import results</h2>
      <p className="muted">
        Runs trained elsewhere become a new sweep: a CSV or JSON table with one row per epoch of each run (batch_size, learning_rate, epoch, loss, accuracy,
        val_loss, val_accuracy), or one run&apos;s Keras History.history. Files of any size are taken.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        {(contentError !== null || otherErrors.length > 0) && (
          <div role="alert" className="notice notice-error" data-testid="import-error">
            {contentError !== null && <p>{contentError.message}</p>}
            {contentError !== null && contentError.lines.length > 0 && (
              <pre className={styles.errorLines} data-testid="error-lines" aria-label={`${file?.name ?? 'The file'} around line ${contentError.line}`}>
                {contentError.lines.map((line) => (
                  <span
                    key={line.number}
                    className={line.number === contentError.line ? styles.errorLine : undefined}
                    aria-current={line.number === contentError.line ? 'true' : undefined}
                  >
                    <span className={styles.errorLineNumber}>{line.number}</span>
                    {line.text}
                    {'\n'}
                  </span>
                ))}
              </pre>
            )}
            {otherErrors.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        <label
          htmlFor={fieldId('file')}
          className={[styles.dropZone, dragging ? styles.dropZoneActive : '', fieldErrors.file === undefined ? '' : styles.dropZoneInvalid]
            .filter(Boolean)
            .join(' ')}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <span className={styles.dropZoneTitle}>{file === null ? 'Drop a results file here, or choose one' : file.name}</span>
          <span className="muted">{file === null ? '.csv or .json' : formatBytes(file.size)}</span>
          <input
            id={fieldId('file')}
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json"
            disabled={busy}
            aria-invalid={fieldErrors.file !== undefined}
            aria-describedby={fieldErrors.file === undefined ? undefined : `${fieldId('file')}-error`}
            onChange={(event) => void choose(event.target.files?.[0] ?? null)}
          />
        </label>
        {fieldErrors.file !== undefined && (
          <p id={`${fieldId('file')}-error`} className="field-error" data-testid="field-error">
            {fieldErrors.file}
          </p>
        )}
        <div className="form-grid">
          <FormField id={fieldId('format')} label="Format" help="Guessed from the file; change it if the guess is wrong." error={fieldErrors.format}>
            {(control) => (
              <select {...control} name="format" value={format} disabled={busy} onChange={(event) => setFormat(event.target.value as ResultsFormat)}>
                {RESULTS_FORMATS.map((option) => (
                  <option key={option} value={option}>
                    {FORMAT_LABELS[option]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {textField('name', 'Empty: the file name with “(imported)”.')}
          {textField('dataset', 'Any name; empty: “unnamed (imported)”.')}
          {format === 'keras-history' && textField('batchSize', 'A Keras history does not record it.', true)}
          {format === 'keras-history' && textField('learningRate', 'A Keras history does not record it.', true)}
          {format === 'keras-history' && textField('repeat', 'Which repeat of the cell; empty: 1.', true)}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Import
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setUrlState({ import: false })}>
            Cancel
          </button>
          <span className={styles.importStage} aria-live="polite" data-testid="import-stage">
            {stage.kind === 'sending' && <ProgressBar done={Math.round(stage.sent / 1000)} total={Math.round(stage.total / 1000)} label="Kilobytes sent" />}
            {stage.kind === 'sending' && ' kB sent'}
            {stage.kind === 'storing' && 'Sent; the API is checking and storing the rows…'}
            {stage.kind === 'opening' && 'Stored; opening the sweep…'}
          </span>
        </div>
      </form>
    </section>
  );
}

const FIELD_LABELS: Record<ImportField, string> = {
  format: 'Format',
  name: 'Name',
  dataset: 'Data set',
  batchSize: 'Batch size',
  learningRate: 'Learning rate',
  repeat: 'Repeat',
};

'use client';

import type { RunStatus } from '@/graphql';

import { describeRequestError } from '../describe-request-error';
import { ErrorNotice } from '../error-notice';
import styles from './run-actions.module.css';
import { useRunActions } from './use-run-actions';

/** Props of {@link RunActions}. */
export interface RunActionsProps {
  runId: string;
  status: RunStatus;
  /**
   * Short words for the run where several are listed, e.g. "batch 32, lr 0.1, repeat 1":
   * the buttons are then small, named for their run, and a refusal shows on one line.
   */
  name?: string;
  /** Called once a change went through, to read the run again. */
  onChanged?: () => void;
}

/**
 * The buttons for what the API allows a run now (Cancel; Retry and Start
 * over), each described by its title, and a refusal (the API's CONFLICT
 * text, e.g. a run that ended meanwhile) or an unreachable API beside them.
 */
export function RunActions({ runId, status, name, onChanged }: RunActionsProps) {
  const { available, busy, failure } = useRunActions(runId, status, onChanged);
  const listed = name !== undefined;
  return (
    <div className={listed ? `${styles.actions} ${styles.listed}` : styles.actions}>
      <div className={styles.buttons}>
        {available.map((action) => (
          <button
            key={action.testId}
            type="button"
            className={listed ? 'button button-small' : action.testId === 'retry-run' ? 'button button-primary' : 'button'}
            disabled={busy}
            onClick={action.perform}
            title={action.description}
            aria-label={listed ? `${action.label} (${name}): ${action.description}` : undefined}
            data-testid={action.testId}
          >
            {action.pending ? action.pendingLabel : action.label}
          </button>
        ))}
      </div>
      {failure !== null &&
        (listed ? (
          <p className="inline-error" role="alert" data-testid="run-action-error">
            {describeRequestError(failure.error)}
          </p>
        ) : (
          <ErrorNotice action={failure.action} error={failure.error} />
        ))}
    </div>
  );
}

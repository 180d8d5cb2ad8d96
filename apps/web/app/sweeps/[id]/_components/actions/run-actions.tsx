'use client';

import type { RunStatus } from '@/graphql';

import { useRunActions } from '../../../../_components/use-run-actions';
import { describeMutationError } from './describe-mutation-error';
import styles from './actions.module.css';

/** Props of {@link RunActions}. */
export interface RunActionsProps {
  runId: string;
  status: RunStatus;
  /** Short words for the run in button labels, e.g. "batch 32, lr 0.1, repeat 1". */
  name: string;
}

/**
 * Cancel for a queued or running run, Retry (resuming from its last stored
 * epoch) and Start over (from epoch 1, as its next attempt) for a failed,
 * diverged or cancelled one; a refusal (the API's CONFLICT text, e.g. a run that ended
 * meanwhile) or an unreachable API shows beside the buttons. The run's new
 * state arrives through the sweep's events.
 */
export function RunActions({ runId, status, name }: RunActionsProps) {
  const actions = useRunActions(runId, status);
  return (
    <div className="run-actions">
      {actions.canCancel && (
        <button
          type="button"
          className="button button-small"
          disabled={actions.busy}
          onClick={actions.cancel}
          aria-label={`Cancel run ${name}`}
          data-testid="cancel-run"
        >
          Cancel
        </button>
      )}
      {actions.canRetry && (
        <button
          type="button"
          className="button button-small"
          disabled={actions.busy}
          onClick={actions.retry}
          aria-label={`Retry run ${name} from its last stored epoch`}
          data-testid="retry-run"
        >
          Retry
        </button>
      )}
      {actions.canRetry && (
        <button
          type="button"
          className="button button-small"
          disabled={actions.busy}
          onClick={actions.startOver}
          aria-label={`Start run ${name} over from epoch 1`}
          data-testid="retry-run-from-scratch"
        >
          Start over
        </button>
      )}
      {actions.failure !== null && (
        <p className={styles.inlineError} role="alert" data-testid="run-action-error">
          {describeMutationError(actions.failure.error)}
        </p>
      )}
    </div>
  );
}

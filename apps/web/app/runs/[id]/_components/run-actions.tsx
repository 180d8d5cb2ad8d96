'use client';

import type { RunStatus } from '@/graphql';

import { ErrorNotice } from '../../../_components/error-notice';
import { useRunActions } from '../../../_components/use-run-actions';
import styles from '../run-page.module.css';

/** Props of {@link RunActions}. */
export interface RunActionsProps {
  runId: string;
  status: RunStatus;
  /** A built-in record's runs can be neither cancelled nor retried. */
  readOnly: boolean;
  /** Called once a change went through, to read the run again. */
  onChanged: () => void;
}

/**
 * Cancel (a queued or running run; a running one stops at its next
 * heartbeat), Retry (a failed, diverged or cancelled one, resuming from its
 * last stored epoch) and Start over (the same, from epoch 1 as its next
 * attempt), each shown only where the API allows it. A refusal (the run
 * changed meanwhile, say) shows the API's own words.
 */
export function RunActions({ runId, status, readOnly, onChanged }: RunActionsProps) {
  const actions = useRunActions(runId, status, onChanged);
  if (readOnly) return null;
  return (
    <div className="run-actions">
      <div className={styles.runActionButtons}>
        {actions.canCancel && (
          <button type="button" className="button" disabled={actions.busy} onClick={actions.cancel}>
            {actions.cancelling ? 'Cancelling…' : 'Cancel run'}
          </button>
        )}
        {actions.canRetry && (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={actions.busy}
              title="Resume from its last stored epoch, keeping its epochs"
              onClick={actions.retry}
            >
              {actions.retrying ? 'Queueing…' : 'Retry run'}
            </button>
            <button
              type="button"
              className="button"
              disabled={actions.busy}
              title="Train again from epoch 1 as a new attempt; this attempt's epochs stay readable"
              onClick={actions.startOver}
              data-testid="retry-run-from-scratch"
            >
              Start over
            </button>
          </>
        )}
      </div>
      {actions.failure !== null && <ErrorNotice action={actions.failure.action} error={actions.failure.error} />}
    </div>
  );
}

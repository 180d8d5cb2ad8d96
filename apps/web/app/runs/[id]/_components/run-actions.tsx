'use client';

import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';

import { CANCELLABLE_RUN_STATUSES, CancelRunMutation, RETRYABLE_RUN_STATUSES, RetryRunMutation, type RunStatus } from '@/graphql';

import { ErrorNotice } from '../../../_components/error-notice';

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
  const [cancelState, cancelRun] = useMutation(CancelRunMutation);
  const [retryState, retryRun] = useMutation(RetryRunMutation);
  const [failure, setFailure] = useState<{ action: string; error: CombinedError } | null>(null);
  if (readOnly) return null;

  const run = async (action: string, mutate: () => Promise<{ error?: CombinedError | undefined }>) => {
    const result = await mutate();
    setFailure(result.error === undefined ? null : { action, error: result.error });
    if (result.error === undefined) onChanged();
  };
  const busy = cancelState.fetching || retryState.fetching;
  return (
    <div className="run-actions">
      <div className="run-action-buttons">
        {CANCELLABLE_RUN_STATUSES.includes(status) && (
          <button type="button" className="button" disabled={busy} onClick={() => void run('cancel the run', () => cancelRun({ id: runId }))}>
            {cancelState.fetching ? 'Cancelling…' : 'Cancel run'}
          </button>
        )}
        {RETRYABLE_RUN_STATUSES.includes(status) && (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              title="Resume from its last stored epoch, keeping its epochs"
              onClick={() => void run('retry the run', () => retryRun({ id: runId }))}
            >
              {retryState.fetching ? 'Queueing…' : 'Retry run'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              title="Train again from epoch 1 as a new attempt; this attempt's epochs stay readable"
              onClick={() => void run('start the run over', () => retryRun({ id: runId, fromScratch: true }))}
              data-testid="retry-run-from-scratch"
            >
              Start over
            </button>
          </>
        )}
      </div>
      {failure !== null && <ErrorNotice action={failure.action} error={failure.error} />}
    </div>
  );
}

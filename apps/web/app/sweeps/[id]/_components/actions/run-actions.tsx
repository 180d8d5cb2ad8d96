'use client';

import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';

import { CANCELLABLE_RUN_STATUSES, CancelRunMutation, RETRYABLE_RUN_STATUSES, RetryRunMutation, type RunStatus } from '@/graphql';

import { describeMutationError } from './describe-mutation-error';

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
  const [cancelState, cancelRun] = useMutation(CancelRunMutation);
  const [retryState, retryRun] = useMutation(RetryRunMutation);
  const [error, setError] = useState<string | null>(null);
  const busy = cancelState.fetching || retryState.fetching;

  const run = async (action: () => Promise<{ error?: CombinedError | undefined }>) => {
    setError(null);
    const result = await action();
    if (result.error !== undefined) setError(describeMutationError(result.error));
  };

  return (
    <div className="run-actions">
      {CANCELLABLE_RUN_STATUSES.includes(status) && (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void run(() => cancelRun({ id: runId }))}
          aria-label={`Cancel run ${name}`}
          data-testid="cancel-run"
        >
          Cancel
        </button>
      )}
      {RETRYABLE_RUN_STATUSES.includes(status) && (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void run(() => retryRun({ id: runId }))}
          aria-label={`Retry run ${name} from its last stored epoch`}
          data-testid="retry-run"
        >
          Retry
        </button>
      )}
      {RETRYABLE_RUN_STATUSES.includes(status) && (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void run(() => retryRun({ id: runId, fromScratch: true }))}
          aria-label={`Start run ${name} over from epoch 1`}
          data-testid="retry-run-from-scratch"
        >
          Start over
        </button>
      )}
      {error !== null && (
        <p className="inline-error" role="alert" data-testid="run-action-error">
          {error}
        </p>
      )}
    </div>
  );
}

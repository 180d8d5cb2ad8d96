'use client';

import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';

import { CANCELLABLE_RUN_STATUSES, CancelRunMutation, RETRYABLE_RUN_STATUSES, RetryRunMutation, type RunStatus } from '@/graphql';

/** What a run's Cancel, Retry and Start over buttons need, from {@link useRunActions}. */
export interface RunActionsState {
  /** Whether the API allows each, by its rules for this status. */
  canCancel: boolean;
  canRetry: boolean;
  cancelling: boolean;
  retrying: boolean;
  /** Either is in flight. */
  busy: boolean;
  /** The last refusal or failure, with what was being done; cleared by the next try. */
  failure: { action: string; error: CombinedError } | null;
  cancel: () => void;
  /** Resumes from its last stored epoch. */
  retry: () => void;
  /** Trains again from epoch 1 as its next attempt. */
  startOver: () => void;
}

/**
 * The mutations behind a run's actions, shared by the sweep page's selected runs and the run
 * page. The run's new state arrives by the caller's own reads or events.
 * @param onChanged called once a change went through
 */
export function useRunActions(runId: string, status: RunStatus, onChanged?: () => void): RunActionsState {
  const [cancelState, cancelRun] = useMutation(CancelRunMutation);
  const [retryState, retryRun] = useMutation(RetryRunMutation);
  const [failure, setFailure] = useState<RunActionsState['failure']>(null);
  const perform = async (action: string, mutate: () => Promise<{ error?: CombinedError | undefined }>) => {
    setFailure(null);
    const result = await mutate();
    if (result.error !== undefined) setFailure({ action, error: result.error });
    else onChanged?.();
  };
  return {
    canCancel: CANCELLABLE_RUN_STATUSES.includes(status),
    canRetry: RETRYABLE_RUN_STATUSES.includes(status),
    cancelling: cancelState.fetching,
    retrying: retryState.fetching,
    busy: cancelState.fetching || retryState.fetching,
    failure,
    cancel: () => void perform('cancel the run', () => cancelRun({ id: runId })),
    retry: () => void perform('retry the run', () => retryRun({ id: runId })),
    startOver: () => void perform('start the run over', () => retryRun({ id: runId, fromScratch: true })),
  };
}

'use client';

import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';

import { CANCELLABLE_RUN_STATUSES, CancelRunMutation, RETRYABLE_RUN_STATUSES, RetryRunMutation, type RunStatus } from '@/graphql';

/** One thing that can be done to a run now. */
export interface RunAction {
  /** Its button's words, e.g. "Retry run". */
  label: string;
  /** The words while it is in flight, e.g. "Queueing…". */
  pendingLabel: string;
  /** What it does, e.g. "Resume from its last stored epoch, keeping its epochs". */
  description: string;
  /** The button's `data-testid`. */
  testId: 'cancel-run' | 'retry-run' | 'retry-run-from-scratch';
  pending: boolean;
  perform: () => void;
}

/** What a run's action buttons need, from {@link useRunActions}. */
export interface RunActionsState {
  /** What the API allows for the run's status, in the order the buttons show. */
  available: RunAction[];
  /** An action is in flight. */
  busy: boolean;
  /** The last refusal or failure, with what was being done; cleared by the next try. */
  failure: { action: string; error: CombinedError } | null;
}

/**
 * The mutations behind a run's actions: Cancel (a queued or running run;
 * a running one stops at its next heartbeat), Retry (a failed, diverged or
 * cancelled one, resuming from its last stored epoch) and Start over (the
 * same, from epoch 1 as its next attempt). The run's new state arrives by
 * the caller's own reads or events.
 * @param onChanged called once a change went through
 */
export function useRunActions(runId: string, status: RunStatus, onChanged?: () => void): RunActionsState {
  const [cancelState, cancelRun] = useMutation(CancelRunMutation);
  const [retryState, retryRun] = useMutation(RetryRunMutation);
  const [failure, setFailure] = useState<RunActionsState['failure']>(null);
  const [startingOver, setStartingOver] = useState(false);
  const perform = async (action: string, mutate: () => Promise<{ error?: CombinedError | undefined }>) => {
    setFailure(null);
    const result = await mutate();
    if (result.error !== undefined) setFailure({ action, error: result.error });
    else onChanged?.();
  };
  const available: RunAction[] = [];
  if (CANCELLABLE_RUN_STATUSES.includes(status)) {
    available.push({
      label: 'Cancel run',
      pendingLabel: 'Cancelling…',
      description: 'Stop it; a running run stops at its next heartbeat',
      testId: 'cancel-run',
      pending: cancelState.fetching,
      perform: () => void perform('cancel the run', () => cancelRun({ id: runId })),
    });
  }
  if (RETRYABLE_RUN_STATUSES.includes(status)) {
    available.push(
      {
        label: 'Retry run',
        pendingLabel: 'Queueing…',
        description: 'Resume from its last stored epoch, keeping its epochs',
        testId: 'retry-run',
        pending: retryState.fetching && !startingOver,
        perform: () => {
          setStartingOver(false);
          void perform('retry the run', () => retryRun({ id: runId }));
        },
      },
      {
        label: 'Start over',
        pendingLabel: 'Queueing…',
        description: "Train again from epoch 1 as a new attempt; this attempt's epochs stay readable",
        testId: 'retry-run-from-scratch',
        pending: retryState.fetching && startingOver,
        perform: () => {
          setStartingOver(true);
          void perform('start the run over', () => retryRun({ id: runId, fromScratch: true }));
        },
      },
    );
  }
  return { available, busy: cancelState.fetching || retryState.fetching, failure };
}

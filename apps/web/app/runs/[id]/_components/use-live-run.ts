'use client';

import type { ResultOf } from 'gql.tada';
import { useCallback, useEffect, useState } from 'react';
import { useQuery, useSubscription, type CombinedError } from 'urql';

import { readFragment, RunOverviewFragment, RunQuery, SweepActivitySubscription, SweepSettingsQuery } from '@/graphql';
import { useCoalescedCallback } from '@/lib/use-coalesced-callback';
import { useOnConnected } from '@/urql/connection-context';

import type { RunPageInitial, RunPageRun, RunPageSweep } from './run-page-data';

/** Delay that folds a burst of events into one refetch, in milliseconds. */
const REFETCH_DELAY_MS = 150;

/** What {@link useLiveRun} returns. */
export interface LiveRun {
  /** The run; undefined until loaded, null for an unknown id. */
  run: RunPageRun | undefined;
  /** Its sweep; undefined until loaded. */
  sweep: RunPageSweep | undefined;
  /** Why the run could not be read, when it could not (it may still show older data). */
  error: CombinedError | undefined;
  /** Whether the run has been read by the client or the server at least once. */
  loaded: boolean;
  /** Reads the run again from the network. */
  refetch: () => void;
}

/** Subscription reducer: counts the events that concern one run. */
function countEventsOf(runId: string) {
  return (previous: number | undefined, event: ResultOf<typeof SweepActivitySubscription>): number => {
    const { epoch, run } = event.sweepEvents;
    return epoch?.runId === runId || run?.id === runId ? (previous ?? 0) + 1 : (previous ?? 0);
  };
}

/**
 * Loads a run (with the epochs of `attempt`, 0 for the current one) and its
 * sweep, and keeps the run current: each event of the sweep that concerns it
 * (an epoch stored, a change of status or attempt) refetches it, a burst
 * costing one, as does each WebSocket (re)connection. The stream starts after
 * the sweep's event cursor as first read (the server's, when it rendered the
 * page), so later refetches do not restart it.
 *
 * @param pause - true while server rendering or hydrating.
 * @param initial - what the server rendered the page with; null when it could not read it.
 */
export function useLiveRun(runId: string, attempt: number, pause: boolean, initial: RunPageInitial | null): LiveRun {
  const [result, reexecute] = useQuery({ query: RunQuery, variables: { id: runId, attempt: attempt === 0 ? null : attempt }, pause });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const scheduleRefetch = useCoalescedCallback(refetch, REFETCH_DELAY_MS);
  useOnConnected(refetch);

  const fromServer = initial !== null && initial.attempt === attempt ? initial : null;
  const run = result.data?.run ?? fromServer?.run ?? (result.data === undefined ? undefined : null);
  const sweepId = run ? readFragment(RunOverviewFragment, run).sweepId : undefined;
  const [sweepResult] = useQuery({ query: SweepSettingsQuery, variables: { id: sweepId ?? '' }, pause: pause || sweepId === undefined });
  const sweep = sweepResult.data?.sweep ?? initial?.sweep ?? undefined;

  // The cursor of the first sweep read only: later refetches must not restart the stream.
  const [after, setAfter] = useState<string | null | undefined>(initial?.sweep ? initial.sweep.eventCursor : undefined);
  const loadedCursor = sweep?.eventCursor;
  useEffect(() => {
    if (after === undefined && loadedCursor !== undefined) setAfter(loadedCursor);
  }, [after, loadedCursor]);
  const [events] = useSubscription(
    {
      query: SweepActivitySubscription,
      variables: { sweepId: sweepId ?? '', after: after ?? null },
      pause: pause || sweepId === undefined || after === undefined,
    },
    countEventsOf(runId),
  );
  useEffect(() => {
    if (events.data !== undefined && events.data > 0) scheduleRefetch();
  }, [events.data, scheduleRefetch]);

  return { run, sweep, error: result.error, loaded: run !== undefined, refetch };
}

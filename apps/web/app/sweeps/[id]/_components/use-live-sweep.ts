'use client';

import { useCallback, useEffect, useState } from 'react';
import { useQuery, useSubscription, type UseQueryState } from 'urql';

import {
  SweepEventsSubscription,
  SweepQuery,
  type EpochFields,
  type SweepEventsData,
  type SweepQueryData,
  type SweepQueryVariables,
} from '@/graphql';
import { useCoalescedCallback } from '@/lib/use-coalesced-callback';
import { useOnConnected } from '@/urql/connection-context';

/** Delay that folds a burst of events into one refetch, in milliseconds. */
const REFETCH_DELAY_MS = 150;

const NO_EPOCHS: readonly EpochFields[] = [];

/** Subscription reducer: appends each event's epoch to the epochs received so far. */
function collectEpoch(previous: EpochFields[] | undefined, event: SweepEventsData): EpochFields[] {
  const { epoch } = event.sweepEvents;
  return epoch === null ? (previous ?? []) : [...(previous ?? []), epoch];
}

/** What {@link useLiveSweep} returns. */
export interface LiveSweep {
  /** The sweep query; its data is refreshed after every event. */
  result: UseQueryState<SweepQueryData, SweepQueryVariables>;
  /** Every epoch `sweepEvents` delivered since the page opened, in arrival order. */
  liveEpochs: readonly EpochFields[];
  /** Refetches the sweep from the network. */
  refetch: () => void;
}

/**
 * Loads a sweep and keeps it current: each `sweepEvents` event (an epoch, a
 * run's new status) triggers a network refetch of the sweep (a burst costs
 * one), so the server stays the only source of derived fields such as the
 * sweep's status. The stream starts after the cursor the first load read, and
 * each WebSocket (re)connection refetches too.
 *
 * @param pause - true while server rendering or hydrating.
 */
export function useLiveSweep(sweepId: string, pause: boolean): LiveSweep {
  const [result, reexecute] = useQuery({ query: SweepQuery, variables: { id: sweepId }, pause });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const scheduleRefetch = useCoalescedCallback(refetch, REFETCH_DELAY_MS);

  // The cursor of the first load only: later refetches must not restart the stream.
  const [after, setAfter] = useState<string | null | undefined>(undefined);
  const loadedCursor = result.data?.sweep?.eventCursor;
  useEffect(() => {
    if (after === undefined && loadedCursor !== undefined) setAfter(loadedCursor);
  }, [after, loadedCursor]);
  const [events] = useSubscription(
    { query: SweepEventsSubscription, variables: { sweepId, after: after ?? null }, pause: pause || after === undefined },
    collectEpoch,
  );
  // Each event yields a new `data` object; batched events share one render and one refetch.
  useEffect(() => {
    if (events.data !== undefined) scheduleRefetch();
  }, [events.data, scheduleRefetch]);
  useOnConnected(refetch);

  return { result, liveEpochs: events.data ?? NO_EPOCHS, refetch };
}

'use client';

import { useCallback, useEffect } from 'react';
import { useQuery, useSubscription, type UseQueryState } from 'urql';

import {
  EpochAddedSubscription,
  RunUpdatedSubscription,
  SweepQuery,
  type EpochAddedData,
  type EpochFields,
  type SweepQueryData,
  type SweepQueryVariables,
} from '@/graphql';
import { useCoalescedCallback } from '@/lib/use-coalesced-callback';
import { useOnConnected } from '@/urql/connection-context';

/** Delay that folds a burst of events into one refetch, in milliseconds. */
const REFETCH_DELAY_MS = 150;

const NO_EPOCHS: readonly EpochFields[] = [];

/** Subscription reducer: appends each event to the epochs received so far. */
function collectEpoch(previous: EpochFields[] | undefined, event: EpochAddedData): EpochFields[] {
  return [...(previous ?? []), event.epochAdded];
}

/** What {@link useLiveSweep} returns. */
export interface LiveSweep {
  /** The sweep query; its data is refreshed after every event. */
  result: UseQueryState<SweepQueryData, SweepQueryVariables>;
  /** Every epoch `epochAdded` delivered since the page opened, in arrival order. */
  liveEpochs: readonly EpochFields[];
  /** Refetches the sweep from the network. */
  refetch: () => void;
}

/**
 * Loads a sweep and keeps it current: `epochAdded` and `runUpdated` events
 * each trigger a network refetch of the sweep (a burst costs one), so the
 * server stays the only source of derived fields such as the sweep's status.
 * Each WebSocket (re)connection refetches too, to cover events published
 * while nothing was subscribed.
 *
 * @param pause - true while server rendering or hydrating.
 */
export function useLiveSweep(sweepId: string, pause: boolean): LiveSweep {
  const [result, reexecute] = useQuery({ query: SweepQuery, variables: { id: sweepId }, pause });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const scheduleRefetch = useCoalescedCallback(refetch, REFETCH_DELAY_MS);

  const [epochs] = useSubscription(
    { query: EpochAddedSubscription, variables: { sweepId }, pause },
    collectEpoch,
  );
  const [runs] = useSubscription({ query: RunUpdatedSubscription, variables: { sweepId }, pause });
  // Each event yields a new `data` object; batched events share one render and one refetch.
  useEffect(() => {
    if (epochs.data !== undefined || runs.data !== undefined) scheduleRefetch();
  }, [epochs.data, runs.data, scheduleRefetch]);
  useOnConnected(refetch);

  return { result, liveEpochs: epochs.data ?? NO_EPOCHS, refetch };
}

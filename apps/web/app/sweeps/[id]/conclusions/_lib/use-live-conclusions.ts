'use client';

import type { VariablesOf } from 'gql.tada';
import { useCallback, useEffect, useState } from 'react';
import { useQuery, useSubscription, type UseQueryState } from 'urql';

import { SweepEventsSubscription } from '@/graphql';
import { ConclusionsQuery, type ConclusionsQueryData } from '@/graphql/conclusions.query';
import { useCoalescedCallback } from '@/lib/use-coalesced-callback';
import { useOnConnected } from '@/urql/connection-context';

/**
 * How long after an event the conclusions are read again, in milliseconds:
 * the events of a burst (every run of a sweep storing an epoch) fold into one
 * refetch, and refetches come at most this often. Conclusions read every epoch
 * of every run, so they are dearer than the sweep page's refresh.
 */
export const CONCLUSIONS_REFRESH_MS = 2_000;

/** What {@link useLiveConclusions} returns. */
export interface LiveConclusions {
  /** The client's query; refreshed after the sweep's events. */
  result: UseQueryState<ConclusionsQueryData, VariablesOf<typeof ConclusionsQuery>>;
  /** The client's newest data, or until it has some, the server's; undefined when neither exists. */
  data: ConclusionsQueryData | undefined;
  /** Reads the conclusions again from the network. */
  refetch: () => void;
}

/** Counts the events received: a new value per event is all the page needs to know. */
function countEvents(previous: number | undefined): number {
  return (previous ?? 0) + 1;
}

/**
 * Loads a sweep's conclusions and keeps them current: `sweepEvents` after the
 * cursor of the first data shown (the server's, when it rendered the page)
 * schedules a network refetch {@link CONCLUSIONS_REFRESH_MS} later, folding
 * the events in between into it; each WebSocket (re)connection refetches too,
 * as events sent while disconnected are not replayed to this query.
 *
 * @param pause - true while server rendering or hydrating.
 * @param initial - what the server rendered; null when it could not read it.
 */
export function useLiveConclusions(sweepId: string, pause: boolean, initial: ConclusionsQueryData | null): LiveConclusions {
  const [result, reexecute] = useQuery({ query: ConclusionsQuery, variables: { id: sweepId }, pause });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const scheduleRefetch = useCoalescedCallback(refetch, CONCLUSIONS_REFRESH_MS);
  const data = result.data ?? initial ?? undefined;

  // The first cursor only: restarting the stream on each refetch would replay nothing and cost a socket message.
  const [after, setAfter] = useState<string | null | undefined>(initial?.sweep ? initial.sweep.eventCursor : undefined);
  const loadedCursor = data?.sweep?.eventCursor;
  useEffect(() => {
    if (after === undefined && loadedCursor !== undefined) setAfter(loadedCursor);
  }, [after, loadedCursor]);
  const [events] = useSubscription(
    { query: SweepEventsSubscription, variables: { sweepId, after: after ?? null }, pause: pause || after === undefined },
    countEvents,
  );
  useEffect(() => {
    if (events.data !== undefined) scheduleRefetch();
  }, [events.data, scheduleRefetch]);
  useOnConnected(refetch);

  return { result, data, refetch };
}

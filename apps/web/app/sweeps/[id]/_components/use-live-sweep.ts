'use client';

import type { VariablesOf } from 'gql.tada';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { useClient, useQuery, type CombinedError, type UseQueryState } from 'urql';

import {
  EpochFieldsFragment,
  readFragment,
  RunStateFragment,
  SweepEventsSubscription,
  SweepQuery,
  type SweepEventData,
  type SweepQueryData,
} from '@/graphql';
import { useCoalescedCallback } from '@/lib/use-coalesced-callback';
import { useOnConnected } from '@/urql/connection-context';

import { applySweepEvents, readLiveGrid, type LiveEvent, type LiveGrid } from './apply-sweep-events';
import { initLiveSweepState, reduceLiveSweep } from './live-sweep-state';

/**
 * How long after an event the sweep is read again, in milliseconds; events
 * meanwhile share the read. The events themselves show at once: the read only
 * refreshes what the server derives (the sweep's status and progress).
 */
const REFETCH_DELAY_MS = 1_000;

/** What {@link useLiveSweep} returns. */
export interface LiveSweep {
  /** The client's sweep query. */
  result: UseQueryState<SweepQueryData, VariablesOf<typeof SweepQuery>>;
  /**
   * The newest read of the sweep: the client's, or until it has one, the
   * server's. Undefined only when neither exists yet.
   */
  data: SweepQueryData | undefined;
  /** Its grid with every event heard since applied; undefined with no sweep. */
  grid: LiveGrid | undefined;
  /** Why the event stream failed, when the API refused it (a lost socket is not an error: it reconnects). */
  streamError: CombinedError | undefined;
  /** Reads the sweep again from the network. */
  refetch: () => void;
}

function toLiveEvent(event: SweepEventData): LiveEvent {
  return {
    cursor: event.cursor,
    kind: event.kind,
    epoch: readFragment(EpochFieldsFragment, event.epoch) ?? null,
    run: readFragment(RunStateFragment, event.run) ?? null,
  };
}

/**
 * Loads a sweep and keeps it current. Its `sweepEvents` start after the
 * cursor of the first read shown (the server's, when it rendered the page),
 * and each event is applied to the grid as it comes (an epoch extends its
 * run's sparkline, a status change moves its cell on), then the sweep is read
 * again, a burst of events costing one read, for what the server derives.
 * Each read drops the events it includes, and events are kept once by cursor,
 * so nothing is shown twice.
 *
 * When the WebSocket drops and comes back, graphql-ws subscribes again with
 * the same payload, whose `after` the urql client keeps at the newest cursor
 * delivered (`createUrqlClient`): the stream resumes after the last event the
 * page has, with nothing missed and nothing repeated. The page reads the sweep
 * again on each (re)connection too.
 *
 * @param pause - true while server rendering or hydrating.
 * @param initial - the sweep as the server rendered it; null when it could not.
 */
export function useLiveSweep(sweepId: string, pause: boolean, initial: SweepQueryData | null = null): LiveSweep {
  const client = useClient();
  const [result, reexecute] = useQuery({ query: SweepQuery, variables: { id: sweepId }, pause });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const scheduleRefetch = useCoalescedCallback(refetch, REFETCH_DELAY_MS);
  const [state, dispatch] = useReducer(reduceLiveSweep, initial, initLiveSweepState);
  const [streamError, setStreamError] = useState<CombinedError | undefined>(undefined);

  useEffect(() => {
    if (result.data !== undefined) dispatch({ type: 'snapshot', data: result.data });
  }, [result.data]);

  // The cursor of the first read shown only: later reads must not restart the stream.
  const [after, setAfter] = useState<string | null | undefined>(initial?.sweep ? initial.sweep.eventCursor : undefined);
  const loadedCursor = state.snapshot?.sweep?.eventCursor;
  useEffect(() => {
    if (after === undefined && loadedCursor !== undefined) setAfter(loadedCursor);
  }, [after, loadedCursor]);

  useEffect(() => {
    if (pause || after === undefined) return undefined;
    const subscription = client.subscription(SweepEventsSubscription, { sweepId, after }).subscribe((next) => {
      setStreamError(next.error);
      if (next.data === undefined) return;
      dispatch({ type: 'event', event: toLiveEvent(next.data.sweepEvents) });
      scheduleRefetch();
    });
    return () => subscription.unsubscribe();
  }, [client, sweepId, after, pause, scheduleRefetch]);
  useOnConnected(refetch);

  const snapshotSweep = state.snapshot?.sweep;
  const snapshotGrid = useMemo(() => (snapshotSweep ? readLiveGrid(snapshotSweep) : undefined), [snapshotSweep]);
  const grid = useMemo(
    () => (snapshotGrid === undefined ? undefined : applySweepEvents(snapshotGrid, state.events)),
    [snapshotGrid, state.events],
  );

  return { result, data: state.snapshot ?? undefined, grid, streamError, refetch };
}

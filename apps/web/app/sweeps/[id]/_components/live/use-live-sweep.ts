'use client';

import type { VariablesOf } from 'gql.tada';
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useClient, useQuery, type CombinedError, type UseQueryState } from 'urql';

import { EpochFieldsFragment, readFragment, SweepEventsSubscription, SweepQuery, type SweepEventData, type SweepQueryData } from '@/graphql';
import { useCoalescedCallback } from '@/lib/use-coalesced-callback';

import type { LiveEvent, LiveGrid } from './apply-sweep-events';
import { initLiveSweepState, reduceLiveSweep } from './live-sweep-state';

/**
 * How long events are gathered before the page shows them, in milliseconds:
 * a sweep of many runs sends many a second, and one render per batch keeps
 * the page smooth while a person still sees each epoch land at once.
 */
const EVENT_BATCH_MS = 100;

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
    run: event.run ?? null,
  };
}

/**
 * Loads a sweep and keeps it current. Its `sweepEvents` start after the
 * cursor of the first read shown (the server's, when it rendered the page),
 * and the events are applied to the grid in batches of
 * {@link EVENT_BATCH_MS} (an epoch extends its run's sparkline, a status
 * change moves its cell on). Events are kept once by cursor, so nothing is
 * shown twice. The sweep is read again only when it must be: when the server
 * could not render it, when an event names a run the grid lacks, or on
 * `refetch`; the page's progress and status follow from the runs it holds.
 *
 * When the WebSocket drops and comes back, graphql-ws subscribes again with
 * the same payload, whose `after` the urql client keeps at the newest cursor
 * delivered (`createUrqlClient`): the stream resumes after the last event the
 * page has, with nothing missed and nothing repeated.
 *
 * @param pause - true while server rendering or hydrating.
 * @param initial - the sweep as the server rendered it; null when it could not.
 */
export function useLiveSweep(sweepId: string, pause: boolean, initial: SweepQueryData | null = null): LiveSweep {
  const client = useClient();
  const [result, reexecute] = useQuery({ query: SweepQuery, variables: { id: sweepId }, pause: pause || initial !== null });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [state, dispatch] = useReducer(reduceLiveSweep, initial, initLiveSweepState);
  const [streamError, setStreamError] = useState<CombinedError | undefined>(undefined);

  useEffect(() => {
    if (result.data !== undefined) dispatch({ type: 'snapshot', data: result.data });
  }, [result.data]);

  const pending = useRef<LiveEvent[]>([]);
  const flush = useCallback(() => {
    const events = pending.current;
    pending.current = [];
    // A transition: when a batch recolours the whole grid (its scale moved), React draws it
    // in slices between frames instead of holding the page still until all is drawn.
    if (events.length > 0) startTransition(() => dispatch({ type: 'events', events }));
  }, []);
  const scheduleFlush = useCoalescedCallback(flush, EVENT_BATCH_MS);

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
      pending.current.push(toLiveEvent(next.data.sweepEvents));
      scheduleFlush();
    });
    return () => {
      subscription.unsubscribe();
      // Events not yet shown belong to the stream just closed.
      pending.current = [];
    };
  }, [client, sweepId, after, pause, scheduleFlush]);

  // A run added since the read (results imported into this sweep) shows only after another read.
  useEffect(() => {
    if (state.missingRuns) refetch();
  }, [state.missingRuns, refetch]);

  return { result, data: state.snapshot ?? undefined, grid: state.grid, streamError, refetch };
}

import type { SweepQueryData } from '@/graphql';

import { applySweepEvents, eventRunId, listRunIds, readLiveGrid, type LiveEvent, type LiveGrid } from './apply-sweep-events';

/**
 * What the page holds of a sweep: the newest read of it (`snapshot`, taken at
 * the event cursor `snapshotSeq`), the events heard after that cursor, and the
 * grid they make together, which each batch of events extends rather than
 * rebuilds. The events are kept so that a newer read can take them over.
 */
export interface LiveSweepState {
  snapshot: SweepQueryData | null;
  /** The snapshot's `eventCursor` as a number; 0 before any event (or any snapshot). */
  snapshotSeq: number;
  /** Events after `snapshotSeq`, in cursor order, each once. */
  events: LiveEvent[];
  /** The snapshot's grid with `events` applied; undefined with no sweep. */
  grid: LiveGrid | undefined;
  /** Whether an event after the snapshot named a run its grid lacks: only a new read can show that run. */
  missingRuns: boolean;
}

/** A change to {@link LiveSweepState}: a read of the sweep, or a batch of events as they came. */
export type LiveSweepAction = { type: 'snapshot'; data: SweepQueryData } | { type: 'events'; events: readonly LiveEvent[] };

/** An event cursor as a number: the API hands them out as whole numbers written as text, rising in commit order. */
export function cursorSeq(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const seq = Number(cursor);
  return Number.isSafeInteger(seq) ? seq : 0;
}

function build(snapshot: SweepQueryData | null, snapshotSeq: number, events: LiveEvent[]): LiveSweepState {
  const sweep = snapshot?.sweep;
  if (!sweep) return { snapshot, snapshotSeq, events, grid: undefined, missingRuns: false };
  const read = readLiveGrid(sweep);
  const known = listRunIds(read);
  return {
    snapshot,
    snapshotSeq,
    events,
    grid: applySweepEvents(read, events),
    missingRuns: events.some((event) => !known.has(eventRunId(event) ?? '')),
  };
}

/** The state before anything is known, or with the server's first read. */
export function initLiveSweepState(initial: SweepQueryData | null): LiveSweepState {
  return build(initial, cursorSeq(initial?.sweep?.eventCursor), []);
}

/**
 * The next state after a read of the sweep or a batch of events:
 *
 * - A read older than the one held (a cached result after a newer network
 *   one) is ignored; otherwise it replaces the snapshot, the events at or
 *   before its cursor are dropped, since it already includes them, and the
 *   rest are applied to its grid.
 * - Events at or before the snapshot's cursor, or with a cursor already held
 *   (a replay after a reconnection that overlaps what came before), are
 *   ignored. New events that follow the last one held are applied to the grid
 *   as it is; one that comes out of order rebuilds it from the snapshot, so the
 *   grid always reads as the events in cursor order.
 */
export function reduceLiveSweep(state: LiveSweepState, action: LiveSweepAction): LiveSweepState {
  if (action.type === 'snapshot') {
    const sweep = action.data.sweep;
    if (sweep === null) return build(action.data, 0, []);
    const seq = cursorSeq(sweep.eventCursor);
    if (state.snapshot?.sweep && seq < state.snapshotSeq) return state;
    return build(
      action.data,
      seq,
      state.events.filter((event) => cursorSeq(event.cursor) > seq),
    );
  }

  let last = cursorSeq(state.events.at(-1)?.cursor) || state.snapshotSeq;
  let inOrder = true;
  // Only an event at or before the newest one held can be a repeat: the cursors held are gathered for that case alone.
  let held: Set<number> | undefined;
  const fresh: LiveEvent[] = [];
  for (const event of action.events) {
    const seq = cursorSeq(event.cursor);
    if (seq <= state.snapshotSeq) continue;
    if (seq <= last) {
      held ??= new Set([...state.events, ...fresh].map((e) => cursorSeq(e.cursor)));
      if (held.has(seq)) continue;
      inOrder = false;
    }
    held?.add(seq);
    last = Math.max(last, seq);
    fresh.push(event);
  }
  if (fresh.length === 0) return state;
  if (!inOrder) {
    const events = [...state.events, ...fresh].sort((a, b) => cursorSeq(a.cursor) - cursorSeq(b.cursor));
    return build(state.snapshot, state.snapshotSeq, events);
  }
  if (state.grid === undefined) return { ...state, events: [...state.events, ...fresh] };
  const known = listRunIds(state.grid);
  return {
    ...state,
    events: [...state.events, ...fresh],
    grid: applySweepEvents(state.grid, fresh),
    missingRuns: state.missingRuns || fresh.some((event) => !known.has(eventRunId(event) ?? '')),
  };
}

import type { SweepQueryData } from '@/graphql';

import type { LiveEvent } from './apply-sweep-events';

/**
 * What the page holds of a sweep: the newest read of it (`snapshot`, taken at
 * the event cursor `snapshotSeq`) and the events heard after that cursor,
 * which the page applies on top of it. Each new read drops the events it
 * already includes.
 */
export interface LiveSweepState {
  snapshot: SweepQueryData | null;
  /** The snapshot's `eventCursor` as a number; 0 before any event (or any snapshot). */
  snapshotSeq: number;
  /** Events after `snapshotSeq`, in cursor order, each once. */
  events: LiveEvent[];
}

/** A change to {@link LiveSweepState}. */
export type LiveSweepAction = { type: 'snapshot'; data: SweepQueryData } | { type: 'event'; event: LiveEvent };

/** An event cursor as a number: the API hands them out as whole numbers written as text, rising in commit order. */
export function cursorSeq(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const seq = Number(cursor);
  return Number.isSafeInteger(seq) ? seq : 0;
}

/** The state before anything is known, or with the server's first read. */
export function initLiveSweepState(initial: SweepQueryData | null): LiveSweepState {
  return { snapshot: initial, snapshotSeq: cursorSeq(initial?.sweep?.eventCursor), events: [] };
}

/**
 * The next state after a read of the sweep or an event:
 *
 * - A read older than the one held (a cached result after a newer network
 *   one) is ignored; otherwise it replaces the snapshot, and the events at or
 *   before its cursor are dropped, since it already includes them.
 * - An event at or before the snapshot's cursor, or with a cursor already
 *   held (a replay after a reconnection that overlaps what came before), is
 *   ignored; others are kept in cursor order.
 */
export function reduceLiveSweep(state: LiveSweepState, action: LiveSweepAction): LiveSweepState {
  if (action.type === 'snapshot') {
    const sweep = action.data.sweep;
    if (sweep === null) return { snapshot: action.data, snapshotSeq: 0, events: [] };
    const seq = cursorSeq(sweep.eventCursor);
    if (state.snapshot?.sweep && seq < state.snapshotSeq) return state;
    return { snapshot: action.data, snapshotSeq: seq, events: state.events.filter((event) => cursorSeq(event.cursor) > seq) };
  }
  const seq = cursorSeq(action.event.cursor);
  if (seq <= state.snapshotSeq) return state;
  const last = state.events.at(-1);
  if (last === undefined || cursorSeq(last.cursor) < seq) return { ...state, events: [...state.events, action.event] };
  if (state.events.some((event) => cursorSeq(event.cursor) === seq)) return state;
  const events = [...state.events, action.event].sort((a, b) => cursorSeq(a.cursor) - cursorSeq(b.cursor));
  return { ...state, events };
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { SweepQueryData } from '@/graphql';

import type { LiveEvent } from './apply-sweep-events';
import { cursorSeq, initLiveSweepState, reduceLiveSweep } from './live-sweep-state';

function read(cursor: string | null): SweepQueryData {
  // Only the cursor matters to the reducer; the rest of the sweep is opaque to it.
  return { sweep: { eventCursor: cursor } } as unknown as SweepQueryData;
}

const event = (cursor: number): LiveEvent => ({ cursor: String(cursor), kind: 'RUN_UPDATED', epoch: null, run: null });
const cursors = (events: readonly LiveEvent[]) => events.map((e) => e.cursor);

describe('reduceLiveSweep', () => {
  it('keeps events after the read, in cursor order, each once', () => {
    let state = initLiveSweepState(read('5'));
    for (const seq of [4, 5, 6, 8, 7, 8, 6]) state = reduceLiveSweep(state, { type: 'event', event: event(seq) });
    assert.deepEqual(cursors(state.events), ['6', '7', '8']);
  });

  it('drops the events a newer read already includes', () => {
    let state = initLiveSweepState(read('5'));
    for (const seq of [6, 7, 8]) state = reduceLiveSweep(state, { type: 'event', event: event(seq) });
    state = reduceLiveSweep(state, { type: 'snapshot', data: read('7') });
    assert.equal(state.snapshotSeq, 7);
    assert.deepEqual(cursors(state.events), ['8']);
  });

  it('ignores a read older than the one it holds', () => {
    let state = initLiveSweepState(read('9'));
    state = reduceLiveSweep(state, { type: 'event', event: event(10) });
    const older = reduceLiveSweep(state, { type: 'snapshot', data: read('3') });
    assert.equal(older, state);
  });

  it('starts from nothing without a server read, and clears all for a sweep that is gone', () => {
    let state = initLiveSweepState(null);
    assert.equal(state.snapshot, null);
    state = reduceLiveSweep(state, { type: 'snapshot', data: read(null) });
    state = reduceLiveSweep(state, { type: 'event', event: event(1) });
    assert.deepEqual(cursors(state.events), ['1']);
    state = reduceLiveSweep(state, { type: 'snapshot', data: { sweep: null } });
    assert.deepEqual(state.events, []);
  });
});

describe('cursorSeq', () => {
  it('reads cursors as numbers, null as before everything', () => {
    assert.equal(cursorSeq('42'), 42);
    assert.equal(cursorSeq(null), 0);
    assert.equal(cursorSeq('x'), 0);
  });
});

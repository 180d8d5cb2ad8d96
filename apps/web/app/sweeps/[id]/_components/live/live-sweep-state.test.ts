import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { SweepQueryData } from '@/graphql';

import type { LiveEvent } from './apply-sweep-events';
import { cursorSeq, initLiveSweepState, reduceLiveSweep, type LiveSweepState } from './live-sweep-state';
import { testEpoch, testRunCell, testSweep } from '../test-sweep.fixture';

/** A read of a one-run sweep (run `a`, which has stored one epoch) at this cursor. */
function read(cursor: string | null): SweepQueryData {
  return { sweep: { ...testSweep({ batchSize: 8, learningRate: 0.1, runs: [testRunCell('a', 8, 0.1, [0.1])] }), eventCursor: cursor } };
}

/** Event `seq` stores epoch `seq` of run `runId`, with validation accuracy seq / 100. */
const event = (seq: number, runId = 'a'): LiveEvent => ({ cursor: String(seq), kind: 'EPOCH_ADDED', epoch: testEpoch(runId, seq, seq / 100), run: null });
const cursors = (state: LiveSweepState) => state.events.map((e) => e.cursor);
const series = (state: LiveSweepState) => state.grid?.cells[0]?.runs[0]?.valAccuracies;
const receive = (state: LiveSweepState, ...seqs: number[]) => reduceLiveSweep(state, { type: 'events', events: seqs.map((seq) => event(seq)) });

describe('reduceLiveSweep', () => {
  it('keeps events after the read, in cursor order, each once, and applies them to the grid', () => {
    let state = initLiveSweepState(read('1'));
    for (const seq of [1, 2, 4]) state = receive(state, seq);
    state = receive(state, 3, 4, 2);
    assert.deepEqual(cursors(state), ['2', '3', '4']);
    assert.deepEqual(series(state), [0.1, 0.02, 0.03, 0.04]);
  });

  it('takes a batch of events in one step, repeats within it included', () => {
    const state = receive(initLiveSweepState(read('1')), 2, 3, 3);
    assert.deepEqual(cursors(state), ['2', '3']);
    assert.deepEqual(series(state), [0.1, 0.02, 0.03]);
  });

  it('reads as the events in cursor order even when a later one came first', () => {
    // Two updates of one run: the older one, heard last, must not win.
    const status = (seq: number, status: 'RUNNING' | 'SUCCEEDED'): LiveEvent => ({
      cursor: String(seq),
      kind: 'RUN_UPDATED',
      epoch: null,
      run: { id: 'a', status, attempt: 1, backend: null, error: null, heartbeatAt: null, imagesPerSecond: null, instability: null },
    });
    let state = initLiveSweepState(read('1'));
    state = reduceLiveSweep(state, { type: 'events', events: [status(3, 'SUCCEEDED')] });
    state = reduceLiveSweep(state, { type: 'events', events: [status(2, 'RUNNING')] });
    assert.equal(state.grid?.cells[0]?.runs[0]?.status, 'SUCCEEDED');
  });

  it('drops the events a newer read already includes, and applies the rest to it', () => {
    let state = receive(initLiveSweepState(read('1')), 2, 3, 4);
    state = reduceLiveSweep(state, { type: 'snapshot', data: read('3') });
    assert.equal(state.snapshotSeq, 3);
    assert.deepEqual(cursors(state), ['4']);
    assert.deepEqual(series(state), [0.1, null, null, 0.04]);
  });

  it('ignores a read older than the one it holds', () => {
    const state = receive(initLiveSweepState(read('9')), 10);
    assert.equal(reduceLiveSweep(state, { type: 'snapshot', data: read('3') }), state);
  });

  it('notes an event of a run the read does not hold, until a read that holds it', () => {
    let state = reduceLiveSweep(initLiveSweepState(read('1')), { type: 'events', events: [event(2, 'b')] });
    assert.equal(state.missingRuns, true);
    const withB = testSweep({ batchSize: 8, learningRate: 0.1, runs: [testRunCell('a', 8, 0.1), testRunCell('b', 8, 0.1, [0.02, 0.02])] });
    state = reduceLiveSweep(state, { type: 'snapshot', data: { sweep: { ...withB, eventCursor: '2' } } });
    assert.equal(state.missingRuns, false);
    assert.equal(state.grid?.cells[0]?.runs.length, 2);
  });

  it('starts from nothing without a server read, and clears all for a sweep that is gone', () => {
    let state = initLiveSweepState(null);
    assert.equal(state.snapshot, null);
    assert.equal(state.grid, undefined);
    state = reduceLiveSweep(state, { type: 'snapshot', data: read(null) });
    state = receive(state, 1);
    assert.deepEqual(cursors(state), ['1']);
    state = reduceLiveSweep(state, { type: 'snapshot', data: { sweep: null } });
    assert.deepEqual(state.events, []);
    assert.equal(state.grid, undefined);
  });
});

describe('cursorSeq', () => {
  it('reads cursors as numbers, null as before everything', () => {
    assert.equal(cursorSeq('42'), 42);
    assert.equal(cursorSeq(null), 0);
    assert.equal(cursorSeq('x'), 0);
  });
});

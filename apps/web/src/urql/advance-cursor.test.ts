import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { advanceAfterCursor, readEventCursor } from './advance-cursor';

describe('readEventCursor', () => {
  it("reads the cursor of a stream event's one root field", () => {
    assert.equal(readEventCursor({ data: { runEpochs: { cursor: '42', kind: 'EPOCH_ADDED' } } }), '42');
  });

  it('reads nothing from a result without data, with several root fields, or without a string cursor', () => {
    assert.equal(readEventCursor({}), undefined);
    assert.equal(readEventCursor({ data: null }), undefined);
    assert.equal(readEventCursor({ data: { a: { cursor: '1' }, b: { cursor: '2' } } }), undefined);
    assert.equal(readEventCursor({ data: { tick: { at: 3 } } }), undefined);
    assert.equal(readEventCursor({ data: { tick: { cursor: 3 } } }), undefined);
    assert.equal(readEventCursor({ data: { tick: null } }), undefined);
  });
});

describe('advanceAfterCursor', () => {
  it("moves `after` to each event's cursor, so a reconnection resumes after the newest", () => {
    const variables: Record<string, unknown> = { runId: '7', after: null };
    advanceAfterCursor(variables, { data: { runEpochs: { cursor: '10' } } });
    advanceAfterCursor(variables, { data: { runEpochs: { cursor: '11' } } });
    assert.deepEqual(variables, { runId: '7', after: '11' });
  });

  it('keeps the cursor it has when an event carries none', () => {
    const variables: Record<string, unknown> = { after: '5' };
    advanceAfterCursor(variables, { data: null });
    assert.deepEqual(variables, { after: '5' });
  });

  it('leaves a subscription without an `after` variable alone', () => {
    const variables: Record<string, unknown> = { runId: '7' };
    advanceAfterCursor(variables, { data: { runEpochs: { cursor: '10' } } });
    assert.deepEqual(variables, { runId: '7' });
    assert.doesNotThrow(() => advanceAfterCursor(undefined, { data: { runEpochs: { cursor: '10' } } }));
  });
});

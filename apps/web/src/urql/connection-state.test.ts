import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { INITIAL_CONNECTION, reduceConnection, type ConnectionEvent, type ConnectionStatus } from './connection-state';

function replay(...events: ConnectionEvent[]): ConnectionStatus {
  return events.reduce(reduceConnection, INITIAL_CONNECTION);
}

describe('reduceConnection', () => {
  it('goes from connecting to live and counts the connection', () => {
    const status = replay({ type: 'connecting', isRetry: false }, { type: 'connected' });
    assert.deepEqual(status, { state: 'live', connections: 1, droppedAt: null });
  });

  it('marks a dropped socket offline with the time it dropped, then reconnecting on the retry', () => {
    const offline = replay({ type: 'connecting', isRetry: false }, { type: 'connected' }, { type: 'closed', normal: false, at: 1_000 });
    assert.deepEqual(offline, { state: 'offline', connections: 1, droppedAt: 1_000 });
    assert.equal(reduceConnection(offline, { type: 'connecting', isRetry: true }).state, 'reconnecting');
  });

  it('keeps the first drop time through failed retries', () => {
    const status = replay(
      { type: 'connected' },
      { type: 'closed', normal: false, at: 1_000 },
      { type: 'connecting', isRetry: true },
      { type: 'closed', normal: false, at: 5_000 },
    );
    assert.equal(status.droppedAt, 1_000);
  });

  it('clears the drop once live again and counts the reconnection', () => {
    const status = replay({ type: 'connected' }, { type: 'closed', normal: false, at: 1_000 }, { type: 'connecting', isRetry: true }, { type: 'connected' });
    assert.deepEqual(status, { state: 'live', connections: 2, droppedAt: null });
  });

  it('treats a normal close as idle, not lost', () => {
    const status = replay({ type: 'connected' }, { type: 'closed', normal: true, at: 1_000 });
    assert.deepEqual(status, { state: 'idle', connections: 1, droppedAt: null });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRefusal } from './describe-refusal.js';

describe('describeRefusal', () => {
  it('keeps every WebSocket reason within the 123 bytes a close frame allows', () => {
    for (const verdict of ['missing', 'malformed', 'mismatch'] as const) {
      const reason = describeRefusal(verdict, 'websocket');
      assert.ok(Buffer.byteLength(reason) <= 123, `${reason} is ${Buffer.byteLength(reason)} bytes`);
    }
  });

  it('tells an HTTP client to send the Authorization header and a WebSocket client the connection_init payload', () => {
    assert.match(describeRefusal('missing', 'http'), /"Authorization: Bearer <token>" header/);
    assert.match(describeRefusal('missing', 'websocket'), /connection_init payload \{ authorization: "Bearer <token>" \}/);
  });
});

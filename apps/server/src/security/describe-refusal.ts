import type { AccessTokenVerdict } from './create-access-token-check.js';

/** Where credentials were expected: an HTTP header or the graphql-ws `connection_init` payload. */
export type CredentialsTransport = 'http' | 'websocket';

const expected: Record<CredentialsTransport, string> = {
  http: 'an "Authorization: Bearer <token>" header',
  websocket: 'a connection_init payload { authorization: "Bearer <token>" }',
};

/**
 * The message a refused client gets: what was wrong and what to send instead. Short enough
 * for a WebSocket close reason (at most 123 bytes).
 *
 * @param verdict why the credentials were refused (never `granted`)
 * @param transport where the credentials were expected, which decides what to tell the client to send
 */
export function describeRefusal(verdict: Exclude<AccessTokenVerdict, 'granted'>, transport: CredentialsTransport): string {
  switch (verdict) {
    case 'missing':
      return `Access token required: send ${expected[transport]}.`;
    case 'malformed':
      return `Malformed credentials: expected ${expected[transport]}.`;
    case 'mismatch':
      return "Wrong access token: it is not this server's SWEEPSCOPE_TOKEN.";
  }
}

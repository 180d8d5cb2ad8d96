/**
 * State of the subscription WebSocket:
 * - `idle`: no subscription needs it (the client is lazy), or it closed normally;
 * - `connecting`: opening for the first time since it was last idle;
 * - `live`: connected and acknowledged by the server;
 * - `offline`: closed abnormally (dropped, or refused); the client waits, then retries;
 * - `reconnecting`: opening again after `offline`.
 */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'offline' | 'reconnecting';

/** The socket's state with what the dashboard tells people about it. */
export interface ConnectionStatus {
  state: ConnectionState;
  /** How many times the WebSocket has connected; grows by one per (re)connection. */
  connections: number;
  /**
   * When the socket was last lost (milliseconds since the epoch): set on an
   * abnormal close, kept through the retries, cleared once live or idle again.
   */
  droppedAt: number | null;
}

/** What the graphql-ws client reported, as {@link reduceConnection} takes it. */
export type ConnectionEvent = { type: 'connecting'; isRetry: boolean } | { type: 'connected' } | { type: 'closed'; normal: boolean; at: number };

/** Before the socket is first needed. */
export const INITIAL_CONNECTION: ConnectionStatus = { state: 'idle', connections: 0, droppedAt: null };

/**
 * The next connection status after a graphql-ws event. A normal close (code
 * 1000) is the lazy client closing once nothing subscribes: idle, not lost.
 */
export function reduceConnection(status: ConnectionStatus, event: ConnectionEvent): ConnectionStatus {
  switch (event.type) {
    case 'connecting':
      return { ...status, state: event.isRetry || status.droppedAt !== null ? 'reconnecting' : 'connecting' };
    case 'connected':
      return { state: 'live', connections: status.connections + 1, droppedAt: null };
    case 'closed':
      if (event.normal) return { ...status, state: 'idle', droppedAt: null };
      return { ...status, state: 'offline', droppedAt: status.droppedAt ?? event.at };
  }
}

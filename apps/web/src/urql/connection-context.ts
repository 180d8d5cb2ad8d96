'use client';

import { createContext, useContext, useEffect, useRef } from 'react';

/**
 * State of the subscription WebSocket:
 * - `idle`: no subscription needs it (the client is lazy), or it closed normally;
 * - `connecting`: opening or re-opening;
 * - `live`: connected and acknowledged by the server;
 * - `offline`: closed abnormally; the client keeps retrying.
 */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'offline';

/** What {@link useConnection} returns. */
export interface ConnectionInfo {
  /** HTTP endpoint of the API, for error messages. */
  apiUrl: string;
  state: ConnectionState;
  /** How many times the WebSocket has connected; grows by one per (re)connection. */
  connections: number;
}

/** Provided by `UrqlProvider`; the default fits a tree rendered without it. */
export const ConnectionContext = createContext<ConnectionInfo>({
  apiUrl: '',
  state: 'idle',
  connections: 0,
});

/** Returns the API endpoint and the live state of the subscription WebSocket. */
export function useConnection(): ConnectionInfo {
  return useContext(ConnectionContext);
}

/**
 * Calls `callback` each time the WebSocket connects after the calling
 * component mounted. Events published while no socket was subscribed (before
 * the first connection, or during an outage) are lost, so callers refetch here.
 */
export function useOnConnected(callback: () => void): void {
  const { connections } = useConnection();
  const seen = useRef(connections);
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    if (connections === seen.current) return;
    seen.current = connections;
    latest.current();
  }, [connections]);
}

'use client';

import { createContext, useContext, useEffect, useRef } from 'react';

import { INITIAL_CONNECTION, type ConnectionStatus } from './connection-state';

export type { ConnectionState } from './connection-state';

/** What {@link useConnection} returns: the socket's status and the API's address. */
export interface ConnectionInfo extends ConnectionStatus {
  /** HTTP endpoint of the API, for error messages. */
  apiUrl: string;
}

/** Provided by `UrqlProvider`; the default fits a tree rendered without it. */
export const ConnectionContext = createContext<ConnectionInfo>({ apiUrl: '', ...INITIAL_CONNECTION });

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

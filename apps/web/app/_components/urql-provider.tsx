'use client';

import { useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { Provider } from 'urql';

import { ConnectionContext, type ConnectionInfo } from '@/urql/connection-context';
import { INITIAL_CONNECTION, reduceConnection } from '@/urql/connection-state';
import { createUrqlClient } from '@/urql/create-urql-client';

/** Props of {@link UrqlProvider}. */
export interface UrqlProviderProps {
  /** HTTP endpoint of the API, read from the environment by the root layout. */
  apiUrl: string;
  /** WebSocket endpoint of the API. */
  wsUrl: string;
  children: ReactNode;
}

/** WebSocket close code of a normal closure, which graphql-ws uses for its lazy close. */
const NORMAL_CLOSURE = 1000;

function isNormalClosure(event: unknown): boolean {
  return typeof event === 'object' && event !== null && 'code' in event && event.code === NORMAL_CLOSURE;
}

/**
 * Gives its subtree an urql client for the API at `apiUrl` / `wsUrl` and
 * tracks the subscription WebSocket for `useConnection`.
 */
export function UrqlProvider({ apiUrl, wsUrl, children }: UrqlProviderProps) {
  // One client per app mount. It is never disposed: the provider sits in the
  // root layout, and disposing it in an effect cleanup would break Strict
  // Mode's mount–unmount–mount check.
  const [clients] = useState(() => createUrqlClient({ apiUrl, wsUrl }));
  const [status, dispatch] = useReducer(reduceConnection, INITIAL_CONNECTION);

  useEffect(() => {
    const { ws } = clients;
    if (ws === null) return undefined;
    const unsubscribers = [
      ws.on('connecting', (isRetry) => dispatch({ type: 'connecting', isRetry })),
      ws.on('connected', () => dispatch({ type: 'connected' })),
      ws.on('closed', (event) => dispatch({ type: 'closed', normal: isNormalClosure(event), at: Date.now() })),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [clients]);

  const connection = useMemo<ConnectionInfo>(() => ({ apiUrl, ...status }), [apiUrl, status]);

  return (
    <Provider value={clients.urql}>
      <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>
    </Provider>
  );
}

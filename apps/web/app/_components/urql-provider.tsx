'use client';

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';

import { ConnectionContext, type ConnectionInfo, type ConnectionState } from '@/urql/connection-context';
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
  const [state, setState] = useState<ConnectionState>('idle');
  const [connections, setConnections] = useState(0);

  useEffect(() => {
    const { ws } = clients;
    if (ws === null) return undefined;
    const unsubscribers = [
      ws.on('connecting', () => setState('connecting')),
      ws.on('connected', () => {
        setState('live');
        setConnections((n) => n + 1);
      }),
      ws.on('closed', (event) => setState(isNormalClosure(event) ? 'idle' : 'offline')),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [clients]);

  const connection = useMemo<ConnectionInfo>(
    () => ({ apiUrl, state, connections }),
    [apiUrl, state, connections],
  );

  return (
    <Provider value={clients.urql}>
      <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>
    </Provider>
  );
}

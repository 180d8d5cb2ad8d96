'use client';

import { useConnection, type ConnectionState } from '@/urql/connection-context';

const TITLES: Record<ConnectionState, string> = {
  idle: 'No live updates needed on this page',
  connecting: 'Connecting to the live update stream…',
  live: 'Receiving live updates',
  offline: 'Live updates lost; reconnecting',
};

/** Shows the state of the subscription WebSocket: idle, connecting, live or offline. */
export function ConnectionBadge() {
  const { state } = useConnection();
  return (
    <span data-testid="connection" className={`connection connection-${state}`} title={TITLES[state]}>
      {state}
    </span>
  );
}

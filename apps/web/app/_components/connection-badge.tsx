'use client';

import { useConnection, type ConnectionInfo, type ConnectionState } from '@/urql/connection-context';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

const LABELS: Record<ConnectionState, string> = {
  idle: 'idle',
  connecting: 'connecting…',
  live: 'live',
  offline: 'reconnecting…',
  reconnecting: 'reconnecting…',
};

/** What the badge says: the state, and for a lost socket since when and that it is retrying. */
function describe({ state, connections, droppedAt }: ConnectionInfo): { text: string; title: string } {
  switch (state) {
    case 'idle':
      return { text: LABELS.idle, title: 'No live updates needed on this page' };
    case 'connecting':
      return { text: LABELS.connecting, title: 'Connecting to the live update stream…' };
    case 'live':
      return { text: LABELS.live, title: 'Receiving live updates' };
    case 'offline':
    case 'reconnecting': {
      const since = droppedAt === null ? '' : ` at ${timeFormat.format(droppedAt)}`;
      const lost = connections === 0 ? 'cannot connect' : 'connection lost';
      return {
        text: `${lost} · ${LABELS[state]}`,
        title: `Live updates ${connections === 0 ? 'unavailable' : 'lost'}${since}; retrying with backoff. What happened meanwhile is loaded once the stream is back.`,
      };
    }
  }
}

/**
 * Shows the state of the subscription WebSocket: idle, connecting, live, or
 * lost and reconnecting (with the time it dropped in its tooltip). Announced
 * politely to screen readers as it changes.
 */
export function ConnectionBadge() {
  const connection = useConnection();
  const { text, title } = describe(connection);
  return (
    <span
      data-testid="connection"
      data-state={connection.state}
      role="status"
      aria-live="polite"
      className={`connection connection-${connection.state}`}
      title={title}
    >
      {text}
    </span>
  );
}

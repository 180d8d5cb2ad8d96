import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';

import { advanceAfterCursor } from './advance-cursor';

/** Options of {@link createUrqlClient}. */
export interface CreateUrqlClientOptions {
  /** HTTP endpoint for queries and mutations. */
  apiUrl: string;
  /** WebSocket endpoint (graphql-ws protocol) for subscriptions. */
  wsUrl: string;
}

/** The urql client and, in the browser, the graphql-ws client under its subscriptions. */
export interface UrqlClients {
  urql: Client;
  /** Null while rendering on the server: nothing subscribes there. */
  ws: WsClient | null;
}

/** Longest wait between two reconnection attempts, in milliseconds. */
const MAX_RETRY_WAIT_MS = 10_000;

/**
 * Waits before reconnection attempt `retries` (0-based): exponential backoff
 * from 500 ms, capped at {@link MAX_RETRY_WAIT_MS}, plus up to 500 ms jitter.
 * graphql-ws' own default doubles without a cap, which leaves a dashboard
 * minutes behind a server that restarted.
 */
function waitBeforeRetry(retries: number): Promise<void> {
  const ms = Math.min(500 * 2 ** retries, MAX_RETRY_WAIT_MS) + Math.random() * 500;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Creates the dashboard's urql client: `cacheExchange`, `fetchExchange` for
 * queries, and `subscriptionExchange` over a lazy graphql-ws client that
 * reconnects forever with capped backoff. A subscription with an `after`
 * variable resumes after the newest event's cursor when it reconnects
 * ({@link advanceAfterCursor}).
 *
 * On the server (no `window`) it returns a client without subscriptions and no
 * WebSocket client: Node 20 has no global `WebSocket`, and the dashboard's
 * hooks are paused during server rendering anyway.
 */
export function createUrqlClient({ apiUrl, wsUrl }: CreateUrqlClientOptions): UrqlClients {
  const common = {
    url: apiUrl,
    requestPolicy: 'cache-and-network',
    // urql would send short queries as GET, which Apollo Server's CSRF
    // prevention rejects without extra headers; POST with JSON always passes.
    preferGetMethod: false,
  } as const;
  if (typeof window === 'undefined') {
    return { urql: new Client({ ...common, exchanges: [cacheExchange, fetchExchange] }), ws: null };
  }

  const ws = createWsClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: Infinity,
    // The default retries only on close events; a refused connection (API
    // still starting) is worth retrying too.
    shouldRetry: () => true,
    retryWait: waitBeforeRetry,
  });

  const urql = new Client({
    ...common,
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          // graphql-ws sends this same payload again on every reconnection, so a
          // stream's `after` is kept at the newest cursor it delivered: it resumes
          // after that event instead of replaying from where it started. The
          // variables are a copy, so urql's operation (and its key) stay as asked.
          const variables = request.variables === undefined ? undefined : { ...request.variables };
          const payload = { ...request, query: request.query ?? '', variables };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe<Record<string, unknown>, Record<string, unknown>>(payload, {
                next: (result) => {
                  advanceAfterCursor(variables, result);
                  sink.next(result);
                },
                error: (error) => sink.error(error),
                complete: () => sink.complete(),
              });
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { urql, ws };
}

import 'server-only';

/** Where the dashboard finds the Sweepscope GraphQL API. */
export interface WebEnv {
  /** HTTP endpoint for queries, e.g. `http://localhost:4000/graphql`. */
  apiUrl: string;
  /** WebSocket endpoint for subscriptions: `apiUrl` with `http` → `ws` (`https` → `wss`). */
  wsUrl: string;
}

/** @default 'http://localhost:4000/graphql' */
export const DEFAULT_API_URL = 'http://localhost:4000/graphql';

/**
 * Reads the dashboard's configuration from `process.env` — the only place in
 * this app that does. Call it while rendering a request (not at build time) so
 * that one `next build` can point at any API.
 *
 * Reads `SWEEPSCOPE_API_URL` (@default {@link DEFAULT_API_URL}).
 *
 * @throws {Error} when `SWEEPSCOPE_API_URL` is not an absolute http(s) URL.
 */
export function getEnv(): WebEnv {
  const raw = process.env.SWEEPSCOPE_API_URL?.trim();
  const apiUrl = raw === undefined || raw === '' ? DEFAULT_API_URL : raw;
  let parsed: URL;
  try {
    parsed = new URL(apiUrl);
  } catch (cause) {
    throw new Error(`SWEEPSCOPE_API_URL: expected an absolute http(s) URL, got ${JSON.stringify(apiUrl)}`, {
      cause,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`SWEEPSCOPE_API_URL: expected protocol http: or https:, got ${parsed.protocol}`);
  }
  return { apiUrl, wsUrl: apiUrl.replace(/^http/, 'ws') };
}

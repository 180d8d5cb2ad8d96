import { BlockList, isIPv6 } from 'node:net';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';

/** Options of {@link assertSafeHost}. */
export interface AssertSafeHostOptions {
  /** The interface the server is about to listen on, as `HOST` gives it. */
  host: string;
  /** The access token requests must carry, if one is set. */
  token: string | undefined;
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * True when `host` reaches only this machine: `localhost`, an address in 127.0.0.0/8, or
 * `::1` (in any spelling, IPv4-mapped forms included). Any other name may resolve to an
 * interface others can reach, so it counts as beyond loopback.
 */
export function isLoopbackHost(host: string): boolean {
  const trimmed = host.trim().toLowerCase();
  if (trimmed === 'localhost') return true;
  try {
    return loopback.check(trimmed, isIPv6(trimmed) ? 'ipv6' : 'ipv4');
  } catch {
    // Not an IP address at all: a host name other than localhost.
    return false;
  }
}

/**
 * Refuses to serve the API beyond this machine without an access token.
 *
 * @throws {SweepscopeError} `BAD_USER_INPUT` when `host` is not loopback and no token is
 *   set; the message says how to set `SWEEPSCOPE_TOKEN` and how clients send it.
 */
export function assertSafeHost({ host, token }: AssertSafeHostOptions): void {
  if (token !== undefined || isLoopbackHost(host)) return;
  throw new SweepscopeError(
    ErrorCode.BadUserInput,
    `HOST=${host} serves the API beyond this machine, so it needs an access token: ` +
      'set SWEEPSCOPE_TOKEN=<a long random string> (e.g. `openssl rand -hex 32`) and send it as ' +
      '`Authorization: Bearer <token>` over HTTP, or as `{ authorization: "Bearer <token>" }` in the ' +
      'WebSocket connection_init payload. To serve this machine only, leave HOST unset (127.0.0.1).',
  );
}

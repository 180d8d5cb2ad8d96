import { createHash, timingSafeEqual } from 'node:crypto';

/** Credentials as a client presented them; any field may be absent or of the wrong type. */
export interface PresentedCredentials {
  /** An `Authorization` value: `Bearer <token>` (the scheme is case-insensitive). */
  authorization?: unknown;
  /** The bare token, as a WebSocket `connection_init` payload may carry it. */
  token?: unknown;
}

/**
 * What a check concluded:
 * - `granted`: the token matches;
 * - `missing`: no credentials at all;
 * - `malformed`: an `authorization` that is not `Bearer <token>`, or a token that is not a string;
 * - `mismatch`: a token that is not the server's.
 */
export type AccessTokenVerdict = 'granted' | 'missing' | 'malformed' | 'mismatch';

const bearer = /^Bearer +(\S+) *$/i;

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Returns a check of presented credentials against `token`. `authorization` wins over
 * `token` when both are given. Tokens are compared as SHA-256 digests with
 * `crypto.timingSafeEqual`, so the time taken says nothing about how much of a guess was right,
 * nor about the token's length.
 *
 * @param token the server's access token (`SWEEPSCOPE_TOKEN`)
 */
export function createAccessTokenCheck(token: string): (presented: PresentedCredentials) => AccessTokenVerdict {
  const expected = digest(token);
  return ({ authorization, token: bare }) => {
    let candidate: string;
    if (authorization !== undefined && authorization !== null && authorization !== '') {
      const match = typeof authorization === 'string' ? bearer.exec(authorization) : null;
      if (!match?.[1]) return 'malformed';
      candidate = match[1];
    } else if (bare !== undefined && bare !== null && bare !== '') {
      if (typeof bare !== 'string') return 'malformed';
      candidate = bare;
    } else {
      return 'missing';
    }
    return timingSafeEqual(digest(candidate), expected) ? 'granted' : 'mismatch';
  };
}

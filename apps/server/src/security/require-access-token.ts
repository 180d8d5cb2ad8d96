import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import type { RequestHandler } from 'express';
import { formatError } from '../errors/format-error.js';
import { createAccessTokenCheck } from './create-access-token-check.js';
import { describeRefusal } from './describe-refusal.js';

/** Options of {@link requireAccessToken}. */
export interface RequireAccessTokenOptions {
  /** The token every request must carry as `Authorization: Bearer <token>`. */
  token: string;
  /** Paths served to `GET` and `HEAD` without a token, for readiness probes. @default ['/healthz'] */
  openPaths?: readonly string[];
}

/**
 * Express middleware that answers every request without the right bearer token with
 * `401 Unauthorized`, a `WWW-Authenticate: Bearer` header and a GraphQL-shaped body,
 * `{ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }`, so GraphQL clients
 * show it like any other error. Mount it after CORS, so a browser can read the refusal and
 * preflights (which never carry credentials) pass.
 */
export function requireAccessToken({ token, openPaths = ['/healthz'] }: RequireAccessTokenOptions): RequestHandler {
  const check = createAccessTokenCheck(token);
  return (request, response, next) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && openPaths.includes(request.path)) return next();
    const verdict = check({ authorization: request.headers.authorization });
    if (verdict === 'granted') return next();
    const error = new SweepscopeError(ErrorCode.Unauthenticated, describeRefusal(verdict, 'http'));
    response
      .status(401)
      .set('WWW-Authenticate', verdict === 'mismatch' ? 'Bearer realm="sweepscope", error="invalid_token"' : 'Bearer realm="sweepscope"')
      .json({ errors: [formatError({ message: error.message }, error)] });
  };
}

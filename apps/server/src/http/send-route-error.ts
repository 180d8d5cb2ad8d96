import { coerceError, SweepscopeError } from '@sweepscope/core';
import { classifyDatabaseError } from '@sweepscope/db/errors';
import type { Response } from 'express';
import { httpStatusOf } from './http-status-of.js';

/**
 * Answers a plain-HTTP route's refusal in the shape GraphQL answers one, so that a client
 * reads every error of this server alike: `{ errors: [{ message, extensions: { code, field } }] }`.
 */
export function sendErrorBody(response: Response, status: number, code: string, message: string, field?: readonly string[]): void {
  if (response.headersSent) return;
  response.status(status).json({ errors: [{ message, extensions: { code, ...(field === undefined ? {} : { field }) } }] });
}

/**
 * Answers what a plain-HTTP route threw: a SweepscopeError (or a lost database) with its
 * code's status, its message and the input at fault; anything else is logged under the
 * route's name and sent as a bare 500 `INTERNAL_SERVER_ERROR`, never with a stack or a path.
 */
export function sendRouteError(response: Response, thrown: unknown, route: string): void {
  const error = classifyDatabaseError(thrown) ?? coerceError(thrown);
  if (error instanceof SweepscopeError) {
    sendErrorBody(response, httpStatusOf(error.code), error.code, error.message, error.field);
    return;
  }
  process.stderr.write(`${route}: ${error.stack ?? error.message}\n`);
  sendErrorBody(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
}

import type { NextFunction, Request, Response } from 'express';

/** The error body-parser throws: its HTTP status and its kind (`entity.parse.failed`, `entity.too.large`, …). */
interface HttpError {
  status?: number;
  type?: string;
  limit?: number;
  length?: number;
}

/**
 * Express's last error handler: answers a request that failed before GraphQL read it as a
 * GraphQL error body with a code — `BAD_REQUEST` for a body that is not JSON, or of a
 * content type it does not take, `PAYLOAD_TOO_LARGE` beyond the limit, `INTERNAL_SERVER_ERROR`
 * for anything else (logged here) — never with a stack trace or a file path.
 */
export function sendRequestError(thrown: unknown, _request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent) {
    next(thrown);
    return;
  }
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as HttpError;
  const [status, code, message] = describe(error);
  if (status >= 500) process.stderr.write(`http: ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}\n`);
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

function describe(error: HttpError): [number, string, string] {
  switch (error.type) {
    case 'entity.parse.failed':
      return [400, 'BAD_REQUEST', 'The request body is not valid JSON: send {"query": "…", "variables": {…}} with Content-Type: application/json.'];
    case 'entity.too.large':
      return [
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is ${error.length === undefined ? 'larger than that' : `${error.length} bytes`}; this server takes at most ${error.limit ?? 1_048_576} bytes. ` +
          'Upload a large results file to POST /imports?format=csv (or json, keras-history) instead, or import it with sweepscope-train import FILE.',
      ];
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return [415, 'BAD_REQUEST', 'The request body’s character set or encoding is not supported: send UTF-8 JSON.'];
    default:
      return error.status !== undefined && error.status >= 400 && error.status < 500
        ? [error.status, 'BAD_REQUEST', 'The request could not be read: send a JSON GraphQL request with Content-Type: application/json.']
        : [500, 'INTERNAL_SERVER_ERROR', 'Internal server error.'];
  }
}

/**
 * Express's not-found answer, as JSON with a code instead of its HTML page: what this server
 * serves, for a path it does not.
 */
export function sendNotFound(request: Request, response: Response): void {
  response.status(404).json({
    errors: [
      {
        message: `Nothing is served at ${request.method} ${request.path}: the API is POST /graphql (and WebSocket on the same path), exports are GET /sweeps/ID/epochs.csv or .json, imports POST /imports?format=csv, readiness GET /healthz.`,
        extensions: { code: 'NOT_FOUND' },
      },
    ],
  });
}

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PrismaClient } from '@sweepscope/db';
import { SweepscopeError } from '@sweepscope/core';
import { importResults } from '@sweepscope/db/imports';
import { Router, type Request, type Response } from 'express';
import { readImportQuery } from '../imports/read-import-query.js';
import { toImportOptions } from '../imports/to-import-options.js';
import { sendErrorBody, sendRouteError } from './send-route-error.js';

/** Options of {@link createImportRoute}. */
export interface CreateImportRouteOptions {
  /** Gives the database to write, per request. */
  createContext: () => { prisma: PrismaClient };
  /** The largest upload taken, in bytes. */
  maxBytes: number;
}

/** An upload over the limit, answered 413. */
class UploadTooLarge extends Error {}

/**
 * `POST /imports?format=csv&…`: a results file of any size as the request body, imported as
 * the `importResults` mutation imports its `content` (the query parameters are that input's
 * other fields), but streamed, in constant memory, past the JSON endpoint's 1 MB. The body
 * is first written to a temporary file, so that the import's transaction (which the
 * database ends when it sits idle for 5 s) never waits on a slow or paused client, and a
 * client that stops sending midway never reaches the database. Answers 201 (a new sweep) or 200 with
 * `{ sweepId, name, created, runs, epochs }`; a refusal is a GraphQL-style error body with its
 * code and the input at fault (`{ errors: [{ message, extensions: { code, field } }] }`), 400
 * `BAD_USER_INPUT`, 404, 409, 413 `PAYLOAD_TOO_LARGE` or 415 for a compressed body. A client
 * that stops sending midway leaves nothing stored. The access token is required as on every route.
 */
export function createImportRoute(options: CreateImportRouteOptions): Router {
  const router = Router();
  router.post('/imports', async (request, response) => {
    try {
      const query = readImportQuery(request.query);
      const encoding = request.headers['content-encoding']?.trim().toLowerCase();
      if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
        sendErrorBody(response, 415, 'BAD_REQUEST', `The body is ${encoding}-encoded: send the file as it is, uncompressed.`);
        return;
      }
      const folder = await mkdtemp(join(tmpdir(), 'sweepscope-upload-'));
      try {
        const file = join(folder, 'results');
        await pipeline(request, limitBytes(options.maxBytes), createWriteStream(file));
        const { sweep, created, runs } = await importResults(options.createContext().prisma, toImportOptions({ ...query, content: createReadStream(file) }));
        response.status(created ? 201 : 200).json({
          sweepId: String(sweep.id),
          name: sweep.name,
          created,
          runs: runs.length,
          epochs: runs.reduce((sum, run) => sum + run.epochCount, 0),
        });
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    } catch (thrown) {
      sendError(request, response, thrown, options.maxBytes);
    }
  });
  return router;
}

/** Passes a body through, refused once it passes `maxBytes`. */
function limitBytes(maxBytes: number) {
  return async function* (body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    let read = 0;
    for await (const piece of body) {
      read += piece.byteLength;
      if (read > maxBytes) throw new UploadTooLarge();
      yield piece;
    }
  };
}

function sendError(request: Request, response: Response, thrown: unknown, maxBytes: number): void {
  if (thrown instanceof UploadTooLarge) {
    sendErrorBody(
      response,
      413,
      'PAYLOAD_TOO_LARGE',
      `The upload is over ${maxBytes.toLocaleString('en')} bytes, the most this server takes (SWEEPSCOPE_MAX_IMPORT_BYTES): split the file, or import it with sweepscope-train import FILE.`,
    );
    // The rest of the body is not read: close the connection rather than drain it.
    response.once('finish', () => request.destroy());
    return;
  }
  // A client that went away midway hears nothing, and is no server error.
  if (request.destroyed && !(thrown instanceof SweepscopeError)) return;
  sendRouteError(response, thrown, 'import');
}

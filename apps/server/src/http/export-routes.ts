import type { PrismaClient } from '@sweepscope/db';
import { formatEpochTable, readSweepEpochs, type EpochTableFormat } from '@sweepscope/db/exports';
import { Router } from 'express';
import { parseId } from '../schema/parse-id.js';
import { sendRouteError } from './send-route-error.js';

const contentTypes: Record<EpochTableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * Plain-HTTP downloads of a sweep's results, in the form `importResults` reads back:
 * `GET /sweeps/:id/epochs.csv` and `GET /sweeps/:id/epochs.json` send every epoch of each
 * run's current attempt, sorted by batch size, learning rate, repeat and epoch, as an
 * attachment named `sweep-<id>-epochs.<csv|json>`. A refusal is a GraphQL-style error body
 * (see `sendRouteError`) with the code's status: 400 `BAD_USER_INPUT` for an id that is not a
 * whole number, 404 `NOT_FOUND` for an unknown sweep; anything unexpected is logged and sent
 * as 500 `INTERNAL_SERVER_ERROR`.
 * @param createContext gives the database to read, per request
 */
export function createExportRoutes(createContext: () => { prisma: PrismaClient }): Router {
  const router = Router();
  for (const format of ['csv', 'json'] as const) {
    router.get(`/sweeps/:id/epochs.${format}`, async (request, response) => {
      try {
        const sweepId = parseId(request.params.id, 'id');
        const { rows } = await readSweepEpochs(createContext().prisma, sweepId);
        response.attachment(`sweep-${sweepId}-epochs.${format}`).type(contentTypes[format]).send(formatEpochTable(rows, format));
      } catch (thrown) {
        sendRouteError(response, thrown, 'export');
      }
    });
  }
  return router;
}

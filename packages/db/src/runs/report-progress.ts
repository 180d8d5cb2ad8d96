import type { PrismaClient } from '../generated/prisma/client.js';
import type { RunStatus } from '../generated/prisma/enums.js';
import { eventChannels, type RunProgressEvent } from '../events/event-map.js';

/**
 * Announces how far a run has got and marks it alive, in one statement. Nothing is stored
 * but the heartbeat: progress is for people watching now, and the epoch rows are the record.
 * @returns the run's stored status, so a worker learns within a beat that a person cancelled it;
 *   undefined when the run no longer exists
 */
export async function reportProgress(prisma: PrismaClient, progress: RunProgressEvent): Promise<RunStatus | undefined> {
  const rows = await prisma.$queryRaw<{ status: RunStatus }[]>`
    WITH beat AS (UPDATE "Run" SET "heartbeatAt" = now() WHERE id = ${progress.runId} RETURNING status)
    SELECT status::text AS status, pg_notify(${eventChannels['run:progress']}, ${JSON.stringify(progress)})::text AS sent FROM beat`;
  return rows[0]?.status;
}

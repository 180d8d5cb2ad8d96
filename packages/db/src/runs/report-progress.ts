import type { PrismaClient } from '../generated/prisma/client.js';
import { eventChannels, type RunProgressEvent } from '../events/event-map.js';

/**
 * Announces how far a run has got and marks it alive, in one statement. Nothing is stored
 * but the heartbeat: progress is for people watching now, and the epoch rows are the record.
 */
export async function reportProgress(prisma: PrismaClient, progress: RunProgressEvent): Promise<void> {
  await prisma.$executeRaw`WITH beat AS (UPDATE "Run" SET "heartbeatAt" = now() WHERE id = ${progress.runId})
    SELECT pg_notify(${eventChannels['run:progress']}, ${JSON.stringify(progress)})`;
}

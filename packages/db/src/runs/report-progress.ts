import { eventChannels, type RunProgressEvent } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';
import { renewLease } from '../leases/renew-lease.js';
import type { RunLease } from '../leases/run-lease.js';

/**
 * Announces how far a run has got, beats its heartbeat and renews its lease, if its worker
 * still holds it. Nothing is stored but the heartbeat: progress is for people watching now,
 * and the epoch rows are the record.
 * @returns whether the lease is still held, so a worker learns within a beat that a person
 *   cancelled the run or that another worker took it over
 */
export function reportProgress(prisma: PrismaClient, lease: RunLease, progress: Omit<RunProgressEvent, 'runId'>): Promise<boolean> {
  const event: RunProgressEvent = { ...progress, runId: lease.runId };
  return renewLease(prisma, lease, (tx) => tx.$executeRaw`SELECT pg_notify(${eventChannels['run:progress']}, ${JSON.stringify(event)})`);
}

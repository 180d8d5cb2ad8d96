import { checkEventPayload, coerceError, ErrorCode, SweepscopeError, type EventMap, type StoredEventName } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';

/** A stored event as it was published, with its place in the log as `seq`. */
export type LoggedEvent = { [E in StoredEventName]: { name: E; event: EventMap[E] } }[StoredEventName];

/** Options of {@link readSweepEvents}. */
export interface ReadSweepEventsOptions {
  sweepId: number;
  /** Only this run's events. */
  runId?: number;
  names: readonly StoredEventName[];
  /** Events after this `seq`; 0 reads from the start. */
  after: number;
  /** At most this many. */
  take: number;
}

/**
 * A page of a sweep's stored event log, in order: what a subscriber missed. Each payload is
 * checked as a live NOTIFY is (the log is written only by publishEvent, so a row that fails
 * is damage, and says so rather than reaching a chart).
 * @throws {SweepscopeError} INTERNAL_SERVER_ERROR naming the row and the field that is wrong
 */
export async function readSweepEvents(prisma: PrismaClient, options: ReadSweepEventsOptions): Promise<LoggedEvent[]> {
  const rows = await prisma.sweepEvent.findMany({
    where: {
      sweepId: options.sweepId,
      id: { gt: options.after },
      name: { in: [...options.names] },
      ...(options.runId === undefined ? {} : { runId: options.runId }),
    },
    orderBy: { id: 'asc' },
    take: options.take,
    select: { id: true, name: true, payload: true },
  });
  return rows.map(({ id, name, payload }) => {
    // The query asked for these names only.
    const storedName = name as StoredEventName;
    try {
      return { name: storedName, event: checkEventPayload(storedName, { ...(payload as object), seq: id }) } as LoggedEvent;
    } catch (error) {
      throw new SweepscopeError(ErrorCode.Internal, `Event ${id} of sweep ${options.sweepId}'s log cannot be read: ${coerceError(error).message}`, {
        cause: error,
      });
    }
  });
}

import { eventChannels, type EventInput, type EventMap, type EventName, isStoredEvent } from '@sweepscope/core';
import type { Prisma } from '../generated/prisma/client.js';

// First key of the advisory lock that orders a sweep's event log; the second is the sweep id.
const eventLogLock = 0x53_57_45_56;

/**
 * Queues an event inside a transaction. PostgreSQL delivers a NOTIFY only when its
 * transaction commits, so nobody hears of a row that was not stored.
 *
 * A stored event (an epoch, a run's status) is also written to the sweep's event log, and
 * its `seq` is the log row's id. The log is ordered by a lock on the sweep held to commit,
 * taken just before the id is drawn: two transactions of one sweep draw their ids in the
 * order they commit, so a subscriber that has seen `seq` n has seen every earlier event of
 * its sweep, and replaying after n misses nothing.
 * @param tx the transaction the event's data is written in
 * @returns the event as sent
 */
export async function publishEvent<E extends EventName>(tx: Prisma.TransactionClient, name: E, input: EventInput<E>): Promise<EventMap[E]> {
  let payload = input as EventMap[E];
  if (isStoredEvent(name)) {
    const { sweepId, runId } = input as EventInput<typeof name>;
    await lockEventLog(tx, sweepId);
    const [row] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "SweepEvent" ("sweepId", "runId", "name", "payload")
      VALUES (${sweepId}, ${runId}, ${name}, ${JSON.stringify(input)}::jsonb) RETURNING id`;
    payload = { ...input, seq: row!.id } as EventMap[E];
  }
  await tx.$executeRaw`SELECT pg_notify(${eventChannels[name]}, ${JSON.stringify(payload)})`;
  return payload;
}

/**
 * Takes the lock that orders a sweep's event log, held to commit: call it just before
 * writing the log's rows (see {@link publishEvent}).
 */
export async function lockEventLog(tx: Prisma.TransactionClient, sweepId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${eventLogLock}::int, ${sweepId}::int)`;
}

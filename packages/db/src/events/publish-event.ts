import type { Prisma } from '../generated/prisma/client.js';
import { eventChannels, type EventMap, type EventName } from './event-map.js';

/**
 * Queues an event inside a transaction. PostgreSQL delivers a NOTIFY only when its
 * transaction commits, so nobody hears of a row that was not stored.
 * @param tx the transaction the event's data is written in
 */
export async function publishEvent<E extends EventName>(
  tx: Prisma.TransactionClient,
  name: E,
  payload: EventMap[E],
): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${eventChannels[name]}, ${JSON.stringify(payload)})`;
}

import type { PrismaClient } from '@sweepscope/db';
import type { EventSubscriber } from '@sweepscope/db/events';

/** What every resolver gets: the database and the live events of this server. */
export interface Context {
  prisma: PrismaClient;
  events: EventSubscriber;
}

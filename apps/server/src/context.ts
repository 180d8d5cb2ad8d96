import type { PrismaClient } from '@sweepscope/db';
import type { EventSubscriber } from '@sweepscope/db/events';
import type { Loaders } from './loaders/create-loaders.js';

/** What every resolver gets: the database, this request's loaders and the live events of this server. */
export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  events: EventSubscriber;
}

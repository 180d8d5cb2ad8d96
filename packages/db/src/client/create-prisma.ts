import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

/**
 * How long the server lets a session sit inside a transaction with nothing to do before it
 * ends the session, in ms. No transaction of Sweepscope waits on anything but the database,
 * so a transaction idle this long belongs to a client that was cut off or paused mid-write;
 * ending it frees the run rows it locked, which the reclaimer would otherwise skip for as
 * long as the server's TCP keepalive takes to notice (hours by default).
 */
const idleInTransactionTimeoutMs = 10_000;

/**
 * A Prisma client over node-postgres, which needs no engine binary at run time.
 * @param connectionString PostgreSQL URL
 */
export function createPrisma(connectionString: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, options: `-c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs}` }),
  });
}

export type { PrismaClient };

import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

/**
 * Settings of every session. First, what the server does about a client that went quiet. A worker cut off
 * or paused mid-write must not hold its run's row for long, or no other worker can take the
 * run over:
 * - a session idle inside a transaction for 5 s is ended (no transaction of Sweepscope waits
 *   on anything but the database);
 * - a session whose client stops answering the server's TCP keepalives (after 5 s of
 *   silence, 3 probes 2 s apart) is ended, even mid-statement, which the idle limit does not
 *   cover. Without it the server waits for the operating system's default: two hours.
 * - a session whose sent data goes unacknowledged for 10 s is ended. Keepalives are not sent
 *   while data is in flight, so a server cut off in the middle of sending a result (its
 *   send buffer full, the statement still running, the run's row locked) would otherwise
 *   retransmit for the operating system's 15 minutes.
 *
 * And no JIT compilation: PostgreSQL (on by default) compiles any statement whose estimated
 * cost passes a threshold, and Sweepscope's statements are index lookups over at most some
 * tens of thousands of epoch rows. Measured on a 1,000-run sweep: the grid's run summaries
 * take about 30 ms to execute, and compiling them took another 60–80 ms.
 */
const sessionSettings = [
  'idle_in_transaction_session_timeout=5000',
  'tcp_keepalives_idle=5',
  'tcp_keepalives_interval=2',
  'tcp_keepalives_count=3',
  'tcp_user_timeout=10000',
  'jit=off',
]
  .map((setting) => `-c ${setting}`)
  .join(' ');

/**
 * A Prisma client over node-postgres, which needs no engine binary at run time. A
 * connection attempt gives up after 10 s rather than waiting out the operating system's
 * retries, and idle connections send keepalives, so a connection that died during a cut is
 * noticed once the network is back instead of hanging its next query for ever.
 * @param connectionString PostgreSQL URL
 */
export function createPrisma(connectionString: string): PrismaClient {
  return new PrismaClient({
    // A write may wait for a run's row while the server ends a lost worker's session that
    // holds it (see above): up to about 11 s, more than Prisma's default 5 s.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    adapter: new PrismaPg({
      connectionString,
      options: sessionSettings,
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    }),
  });
}

export type { PrismaClient };

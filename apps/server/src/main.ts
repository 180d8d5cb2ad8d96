import { createPrisma, openDatabase } from '@sweepscope/db';
import { coerceError, SweepscopeError } from '@sweepscope/db/errors';
import { listenForEvents } from '@sweepscope/db/events';
import { env } from './env.js';
import { startServer } from './http/start-server.js';
import { buildSweepscopeSchema } from './schema/build-sweepscope-schema.js';

// Opens the database (migrating it first), then serves the API until SIGINT or SIGTERM.
async function main(): Promise<void> {
  const database = await openDatabase();
  const prisma = createPrisma(database.url);
  const events = await listenForEvents(database.url);
  const server = await startServer({
    schema: await buildSweepscopeSchema(events),
    context: { prisma, events },
    port: env.port,
    host: env.host,
    webOrigins: env.webOrigins,
  });
  process.stdout.write(`GraphQL API: ${server.url} (WebSocket subscriptions on the same URL)\n`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await events.close();
    await prisma.$disconnect();
    await database.close();
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((thrown: unknown) => {
  const error = coerceError(thrown);
  process.stderr.write(`sweepscope server: ${error instanceof SweepscopeError ? error.message : (error.stack ?? error.message)}\n`);
  process.exitCode = 1;
});

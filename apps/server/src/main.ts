import { connectDatabase } from '@sweepscope/db';
import { coerceError, ErrorCode, SweepscopeError } from '@sweepscope/core';
import { listenForEvents } from '@sweepscope/db/events';
import { startReclaimer } from '@sweepscope/db/leases';
import { ensureReferenceSweep } from '@sweepscope/db/sweeps';
import { env } from './env.js';
import { startServer } from './http/start-server.js';
import { createLoaders } from './loaders/create-loaders.js';
import { assertSafeHost } from './security/assert-safe-host.js';
import { buildSweepscopeSchema } from './schema/build-sweepscope-schema.js';

// Opens the database (migrating it first), then serves the API until SIGINT or SIGTERM.
async function main(): Promise<void> {
  // Settings are checked before the database opens, so a misconfigured server fails at once.
  assertSafeHost({ host: env.host, token: env.token });
  const { introspection, maxQueryDepth, maxQueryCost, maxImportBytes } = env;
  const database = await connectDatabase();
  const { prisma } = database;
  // The reference study ships as a built-in, read-only sweep; adding it is a no-op once there.
  await ensureReferenceSweep(prisma);
  const events = await listenForEvents(database.url);
  // Any live server notices a worker that stopped answering, even when no other worker is left.
  const reclaimer = startReclaimer({
    prisma,
    onReclaim: (run) =>
      process.stdout.write(
        `took back run ${run.runId} (${run.reason}): ${run.status === 'queued' ? `queued to resume after epoch ${run.epochsDone}` : 'failed'}\n`,
      ),
    onFreedJob: (runId) => process.stdout.write(`freed the queue job of run ${runId}, which a lost worker had taken without starting it\n`),
  });
  const server = await startServer({
    schema: await buildSweepscopeSchema(),
    createContext: () => ({ prisma, events, loaders: createLoaders(prisma) }),
    port: env.port,
    host: env.host,
    webOrigins: env.webOrigins,
    token: env.token,
    introspection,
    maxQueryDepth,
    maxQueryCost,
    maxImportBytes,
  });
  process.stdout.write(`GraphQL API: ${server.url} (WebSocket subscriptions on the same URL)\n`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await reclaimer.stop();
    await events.close();
    await database.close();
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((thrown: unknown) => {
  const error = coerceError(thrown);
  process.stderr.write(`sweepscope server: ${error instanceof SweepscopeError ? error.message : (error.stack ?? error.message)}\n`);
  // A setting to fix exits 2, as the trainer's command does; anything else 1.
  process.exitCode = error instanceof SweepscopeError && error.code === ErrorCode.BadUserInput ? 2 : 1;
});

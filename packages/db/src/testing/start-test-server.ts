import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { env } from '../env.js';
import { applyMigrations } from '../migrate/index.js';

/** Options of {@link startTestServer}. */
export interface StartTestServerOptions {
  /** Another address to listen on (a test host's link), and the network its clients come from. */
  alsoListen: { address: string; network: string };
}

/** A PostgreSQL server of a test's own, with one migrated database. */
export interface TestServer {
  /** The database, reached on 127.0.0.1. */
  url: string;
  /** The same database, reached on `alsoListen.address`. */
  urlOn(address: string): string;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
}

/**
 * Starts a fresh embedded PostgreSQL server of the test's own, for a test that needs the
 * server itself on a network address — other hosts (network namespaces) reaching it as
 * they would over a real network, so that a cut link is seen by the server's own TCP stack.
 */
export async function startTestServer(options: StartTestServerOptions): Promise<TestServer> {
  const dataDir = join(env.embeddedDataDir, '..', `postgres-server-${randomBytes(4).toString('hex')}`);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    database: 'sweepscope',
    alsoListen: { addresses: [options.alsoListen.address], networks: [options.alsoListen.network] },
  });
  await applyMigrations(server.url);
  return {
    url: server.url,
    urlOn(address) {
      const url = new URL(server.url);
      url.hostname = address;
      return url.toString();
    },
    async stop() {
      await server.stop();
      // As root the cluster may live elsewhere; the marker file says where.
      const moved = (await readFile(`${dataDir}.location`, 'utf8').catch(() => '')).trim();
      await Promise.all([dataDir, `${dataDir}.location`, ...(moved ? [moved] : [])].map((path) => rm(path, { recursive: true, force: true })));
    },
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

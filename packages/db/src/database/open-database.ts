import { env } from '../env.js';
import { applyMigrations } from '../migrate/index.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

/** A database ready for use: migrated, with a way to let go of it. */
export interface OpenDatabase {
  url: string;
  /** `external` when DATABASE_URL named it, else `embedded`. */
  kind: 'external' | 'embedded';
  /** Stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/**
 * The start-up step of every process: finds the database (DATABASE_URL, or the embedded
 * server, started if no other process runs it) and applies pending migrations before
 * anything else touches it.
 * @throws {SweepscopeError} DATABASE_UNAVAILABLE when it cannot be reached or started
 */
export async function openDatabase(): Promise<OpenDatabase> {
  if (env.databaseUrl) {
    await applyMigrations(env.databaseUrl);
    return { url: env.databaseUrl, kind: 'external', close: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: env.embeddedDataDir, port: env.embeddedPort });
  await applyMigrations(embedded.url);
  return { url: embedded.url, kind: 'embedded', close: () => embedded.stop() };
}

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { env } from '../env.js';
import { applyMigrations } from '../migrate/index.js';
import { queryDatabase } from './query-database.js';

/** A fresh database for one test suite. */
export interface TestDatabase {
  url: string;
  /** Drops the database (and stops the embedded server if this process started it). */
  drop(): Promise<void>;
}

/** Options of {@link createTestDatabase}. */
export interface CreateTestDatabaseOptions {
  /** Apply the migrations before returning. @default true */
  migrate?: boolean;
}

/**
 * Makes a new, empty database for one suite on the server DATABASE_URL names, or else on
 * an embedded server kept apart from the user's data (`.sweepscope/postgres-test`).
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const server = env.databaseUrl
    ? { url: env.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres({
        dataDir: join(env.embeddedDataDir, '..', 'postgres-test'),
        port: env.embeddedPort + 10,
        database: 'postgres',
      });
  const name = `sweepscope_test_${randomBytes(6).toString('hex')}`;
  await queryDatabase(server.url, `CREATE DATABASE ${name}`);
  const url = withDatabase(server.url, name);
  if (options.migrate ?? true) await applyMigrations(url);
  return {
    url,
    async drop() {
      await queryDatabase(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.stop();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

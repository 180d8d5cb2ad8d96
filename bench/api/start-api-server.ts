import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@sweepscope/db/testing';
import { answers, startService } from '@sweepscope/trainer/processes';
import { env } from './env.js';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The built API server in a process of its own. */
export interface ApiServer {
  /** `http://127.0.0.1:<port>/graphql`. */
  httpUrl: string;
  /** The same endpoint over WebSocket. */
  wsUrl: string;
  pid: number;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** Sends SIGTERM, as Ctrl-C would, and waits until it has exited (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

/** Options of {@link startApiServer}. */
export interface StartApiServerOptions {
  databaseUrl: string;
  /** More environment, e.g. the dashboard's origin for CORS (`SWEEPSCOPE_WEB_ORIGIN`). */
  env?: Record<string, string>;
  /** @default 120000 */
  timeoutMs?: number;
}

/**
 * Starts `node apps/server/dist/main.js` on a free loopback port, as a user would, and
 * waits until `/healthz` answers.
 * @throws {Error} when the server exits or is not ready within `timeoutMs`, with its output
 */
export async function startApiServer(options: StartApiServerOptions): Promise<ApiServer> {
  const port = await findFreePort();
  const service = await startService({
    command: process.execPath,
    args: ['apps/server/dist/main.js'],
    cwd: repositoryRoot,
    env: { ...env.serverEnvironment(), DATABASE_URL: options.databaseUrl, PORT: String(port), ...options.env },
    ready: () => answers(`http://127.0.0.1:${port}/healthz`),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return {
    httpUrl: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    pid: service.pid,
    output: () => service.output(),
    stop: () => service.stop(),
  };
}

/**
 * A process's resident memory, from `VmRSS` in /proc/<pid>/status.
 * @returns mebibytes
 * @throws {Error} when the process is gone or the line is missing (not Linux)
 */
export async function readResidentMemory(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`readResidentMemory: expected a VmRSS line in /proc/${pid}/status, got none`);
  return Number(match[1]) / 1024;
}

/**
 * CPU time a process has used so far, user and system, from /proc/<pid>/stat.
 * @returns seconds (at the usual 100 clock ticks a second)
 */
export async function readCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name in parentheses may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The CPU time several processes have used so far, added up (see {@link readCpuSeconds}). */
export async function readTotalCpuSeconds(pids: readonly number[]): Promise<number> {
  const each = await Promise.all(pids.map(readCpuSeconds));
  return each.reduce((sum, seconds) => sum + seconds, 0);
}

/** The resident memory of several processes, added up (see {@link readResidentMemory}). */
export async function readTotalResidentMemory(pids: readonly number[]): Promise<number> {
  const each = await Promise.all(pids.map(readResidentMemory));
  return each.reduce((sum, mebibytes) => sum + mebibytes, 0);
}

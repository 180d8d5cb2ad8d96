import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
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
 * waits until `/healthz` answers. Like test/support's startApiServer, but it hands back the
 * process id, which the bench needs to read the server's memory and CPU time.
 * @throws {Error} when the server exits or is not ready within `timeoutMs`, with its output
 */
export async function startApiServer(options: StartApiServerOptions): Promise<ApiServer> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
    cwd: repositoryRoot,
    env: { ...env.serverEnvironment(), DATABASE_URL: options.databaseUrl, PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(force);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (response?.ok) break;
    if (child.exitCode !== null) throw new Error(`the API server exited with ${child.exitCode}:\n${text}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API server was not ready in ${options.timeoutMs ?? 120_000} ms:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.pid === undefined) throw new Error('the API server has no process id');
  return {
    httpUrl: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    pid: child.pid,
    output: () => text,
    stop,
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

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where the built apps live. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A process of the product started by a test, as a user would start it. */
export interface Service {
  /** Its process id. */
  pid: number;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** Sends it a signal and returns at once: SIGSTOP pauses it as swap or a debugger would, SIGCONT resumes it. */
  signal(name: NodeJS.Signals): void;
  /** Asks it to stop (SIGTERM), as Ctrl-C or a service manager would, and waits until it has. */
  stop(): Promise<void>;
  /** Kills it outright (SIGKILL), as a crash or an out-of-memory kill would, and waits until it is gone. */
  kill(): Promise<void>;
}

/** Options of {@link startService}. */
export interface StartServiceOptions {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Relative to the repository root. @default '.' */
  cwd?: string;
  /** Resolves when the service is ready, e.g. a health URL answering. */
  ready: (output: () => string) => Promise<boolean>;
  /** @default 120000 */
  timeoutMs?: number;
}

/** Starts a built part of the product in its own process and waits until it is ready. */
export async function startService(options: StartServiceOptions): Promise<Service> {
  const child = spawn(options.command, options.args, {
    cwd: `${repositoryRoot}/${options.cwd ?? '.'}`,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const output = (): string => text;
  const end = (signal: NodeJS.Signals): Promise<void> =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => {
          const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill(signal);
        });
  const stop = (): Promise<void> => end('SIGTERM');

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (!(await options.ready(output).catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${options.args.join(' ')} exited with ${child.exitCode}:\n${text}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.args.join(' ')} was not ready in time:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { pid: child.pid ?? 0, output, signal: (name) => void child.kill(name), stop, kill: () => end('SIGKILL') };
}

export { findFreePort } from '@sweepscope/db/testing';

/** True once `url` answers with a success status. */
export async function answers(url: string): Promise<boolean> {
  const response = await fetch(url).catch(() => undefined);
  return response?.ok ?? false;
}

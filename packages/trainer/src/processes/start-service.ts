import { spawn } from 'node:child_process';
import { childEnvironment } from '../env.js';
import { stopChildProcess } from './stop-child-process.js';

/** A built part of the product in a process of its own, started as a user would start it. */
export interface Service {
  /** Its process id. */
  pid: number;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** Sends it a signal and returns at once: SIGSTOP pauses it as swap or a debugger would, SIGCONT resumes it. */
  signal(name: NodeJS.Signals): void;
  /** Asks it to stop (one SIGTERM, as Ctrl-C or a service manager would) and waits until it has; SIGKILL after 15 s. */
  stop(): Promise<void>;
  /** Kills it outright (SIGKILL), as a crash or an out-of-memory kill would, and waits until it is gone. */
  kill(): Promise<void>;
}

/** Options of {@link startService}. */
export interface StartServiceOptions {
  command: string;
  args: string[];
  /** Added to this process's environment. */
  env: Record<string, string>;
  /** Absolute. @default this process's working directory */
  cwd?: string;
  /** Resolves true once the service is ready, e.g. when its health URL {@link answers}. */
  ready: (output: () => string) => Promise<boolean>;
  /** @default 120000 */
  timeoutMs?: number;
}

/**
 * Starts a service and waits until it is ready. The launchers of `npm start`'s checks, the
 * tests and the benches all start the API and the dashboard through this.
 * @throws {Error} when it exits or is not ready within `timeoutMs`, with what it printed
 */
export async function startService(options: StartServiceOptions): Promise<Service> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd ?? process.cwd(),
    env: childEnvironment(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const output = (): string => text;
  const stop = (): Promise<void> => stopChildProcess(child, 15_000);
  const kill = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  };

  const name = [options.command, ...options.args].join(' ');
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (!(await options.ready(output).catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${text}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} was not ready in ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (child.pid === undefined) throw new Error(`${name} has no process id`);
  return { pid: child.pid, output, signal: (signal) => void child.kill(signal), stop, kill };
}

/** True once `url` answers with a success status; false while it refuses or fails. */
export async function answers(url: string): Promise<boolean> {
  const response = await fetch(url).catch(() => undefined);
  return response?.ok ?? false;
}

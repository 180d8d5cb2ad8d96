import type { ChildProcess } from 'node:child_process';
import { stopChildProcess } from './stop-child-process.js';

/** Options of {@link superviseProcess}. */
export interface SuperviseProcessOptions {
  /** What the process is, for the log: `server`, `web`. */
  name: string;
  /** Starts the process (again). */
  start: () => ChildProcess;
  /** Hears each death and restart, naming the exit status or signal. */
  log: (line: string) => void;
  /**
   * Wait before the first restart, in ms; it doubles with each death in a row, up to
   * `maxDelayMs`, and starts again from this once a process has stayed up for `stableMs`.
   * @default 1000
   */
  initialDelayMs?: number;
  /** @default 30000 */
  maxDelayMs?: number;
  /** @default 60000 */
  stableMs?: number;
}

/** A process kept running. */
export interface SupervisedProcess {
  /** The process running now. */
  current(): ChildProcess;
  /** How many times it was restarted. */
  restarts(): number;
  /** Stops supervising and asks the process to stop (see `stopChildProcess`). */
  stop(): Promise<void>;
}

/**
 * Keeps a process running, as a service manager would: when it exits without having been
 * asked to, the log says how (its status, or the signal that killed it) and it is started
 * again after a delay that doubles with each death in a row, so one that cannot start does
 * not spin.
 */
export function superviseProcess(options: SuperviseProcessOptions): SupervisedProcess {
  const initialDelayMs = options.initialDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const stableMs = options.stableMs ?? 60_000;
  let stopping = false;
  let restarts = 0;
  let delayMs = initialDelayMs;
  let pending: NodeJS.Timeout | undefined;
  let child: ChildProcess;

  const launch = (): void => {
    const startedAt = Date.now();
    child = options.start();
    child.once('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt >= stableMs) delayMs = initialDelayMs;
      const how = signal === null ? `with status ${code}` : `from signal ${signal}`;
      options.log(`[${options.name}] exited ${how}; restarting in ${(delayMs / 1000).toFixed(1)} s`);
      pending = setTimeout(() => {
        pending = undefined;
        if (stopping) return;
        restarts += 1;
        launch();
      }, delayMs);
      delayMs = Math.min(delayMs * 2, maxDelayMs);
    });
  };
  launch();

  return {
    current: () => child,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      if (pending !== undefined) clearTimeout(pending);
      await stopChildProcess(child);
    },
  };
}

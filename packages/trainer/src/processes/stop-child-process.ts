import type { ChildProcess } from 'node:child_process';

/**
 * Asks a child process to stop with one SIGTERM and waits for it to exit; one still running
 * after `graceMs` is killed. One signal, never two: the project's processes read a second
 * one as "quit at once" instead of finishing their work in hand.
 * @param graceMs how long the child may take @default 120000 (a worker stops at its next
 *   batch boundary, and one batch can take a minute on a CPU)
 */
export function stopChildProcess(child: ChildProcess, graceMs = 120_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

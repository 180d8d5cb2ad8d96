import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { superviseProcess } from './supervise-process.js';

/** A process that stays up until told to stop. */
const startSleeper = () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000); process.on("SIGTERM", () => process.exit(0));'], { stdio: 'ignore' });

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 10_000) assert.fail(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('superviseProcess', () => {
  it('restarts a process killed by a signal, names the signal, and backs off when it keeps dying', async () => {
    const lines: string[] = [];
    const supervised = superviseProcess({ name: 'api', start: startSleeper, log: (line) => lines.push(line), initialDelayMs: 50, maxDelayMs: 1000 });
    try {
      const first = supervised.current();
      await waitFor(() => first.pid !== undefined, 'the first process');
      first.kill('SIGKILL');
      await waitFor(() => supervised.restarts() === 1, 'a restart');
      assert.notEqual(supervised.current().pid, first.pid);
      supervised.current().kill('SIGSEGV');
      await waitFor(() => supervised.restarts() === 2, 'a second restart');
      assert.deepEqual(lines, ['[api] exited from signal SIGKILL; restarting in 0.1 s', '[api] exited from signal SIGSEGV; restarting in 0.1 s']);
    } finally {
      await supervised.stop();
    }
  });

  it('names the exit status of a process that exits by itself, and stops for good when asked', async () => {
    const lines: string[] = [];
    let starts = 0;
    const supervised = superviseProcess({
      name: 'web',
      start: () => ((starts += 1) === 1 ? spawn(process.execPath, ['-e', 'process.exit(3)'], { stdio: 'ignore' }) : startSleeper()),
      log: (line) => lines.push(line),
      initialDelayMs: 50,
    });
    await waitFor(() => supervised.restarts() === 1, 'a restart');
    const running = supervised.current();
    await supervised.stop();
    assert.ok(running.exitCode !== null || running.signalCode !== null, 'asked to stop, it exited');
    await sleep(200);
    assert.equal(starts, 2, 'no restart after stop');
    assert.deepEqual(lines, ['[web] exited with status 3; restarting in 0.1 s']);
  });
});

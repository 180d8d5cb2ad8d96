import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { oneAtATime } from './one-at-a-time.js';

describe('oneAtATime', () => {
  it('runs work one piece at a time in order, through failures, and says when it is busy', async () => {
    const queue = oneAtATime();
    const events: string[] = [];
    const piece =
      (name: string, ms: number, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await sleep(ms);
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const first = queue.run(piece('a', 30, true));
    const second = queue.run(piece('b', 5));
    assert.equal(queue.busy(), true);
    await assert.rejects(first, /a/);
    assert.equal(await second, 'b');
    assert.deepEqual(events, ['start a', 'end a', 'start b', 'end b']);
    assert.equal(queue.busy(), false);
  });
});

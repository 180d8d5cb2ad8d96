import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';

import { forEachConcurrently } from './for-each-concurrently.js';

describe('forEachConcurrently', () => {
  test('runs every item once, never more than the limit at a time', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachConcurrently([...'abcdefghij'], 3, async (_item, index) => {
      running += 1;
      most = Math.max(most, running);
      await sleep(index % 3);
      seen.push(index);
      running -= 1;
    });
    assert.equal(most, 3);
    assert.deepEqual(
      seen.sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  });

  test('stops handing out items after a task fails, and rejects with its error', async () => {
    const started: number[] = [];
    await assert.rejects(
      forEachConcurrently([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await sleep(1);
        if (item === 1) throw new Error('item 1 failed');
      }),
      /item 1 failed/,
    );
    assert.ok(started.length < 6, `started ${started.join(', ')}`);
  });

  test('does nothing for no items, and refuses a limit below 1', async () => {
    await forEachConcurrently([], 4, () => assert.fail('no items'));
    await assert.rejects(
      forEachConcurrently([1], 0, async () => {}),
      /expected concurrency to be an integer ≥ 1, got 0/,
    );
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createOneEntryCache } from './one-entry-cache.js';

describe('createOneEntryCache', () => {
  test('loads once per key in a row, and releases a value once a new key replaces it', async () => {
    const loads: string[] = [];
    const released: string[] = [];
    const cache = createOneEntryCache({
      load: async (key: string) => (loads.push(key), `value of ${key}`),
      identify: (key) => key,
      release: (value) => void released.push(value),
    });
    assert.equal(await cache.get('a'), 'value of a');
    assert.equal(await cache.get('a'), 'value of a');
    assert.equal(await cache.get('b'), 'value of b');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(loads, ['a', 'b']);
    assert.deepEqual(released, ['value of a']);
  });

  test('forgets a failed load, so the next call tries again', async () => {
    let attempts = 0;
    const cache = createOneEntryCache({
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('not yet');
        return 'loaded';
      },
      identify: () => 'same',
    });
    await assert.rejects(cache.get(1), /not yet/);
    assert.equal(await cache.get(1), 'loaded');
    assert.equal(attempts, 2);
  });
});

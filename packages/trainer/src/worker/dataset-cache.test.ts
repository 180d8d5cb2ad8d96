import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import sharp from 'sharp';

import { createDatasetCache } from './dataset-cache.js';

describe('createDatasetCache', () => {
  test('serves the same data set for the same options, whatever their order or status callback', async () => {
    const cache = createDatasetCache();
    const lines: string[] = [];
    const first = await cache.get({ name: 'synthetic', inputSize: 4, seed: 1, trainLimit: 4, valLimit: 2, onStatus: (line) => lines.push(line) });
    const second = await cache.get({ valLimit: 2, trainLimit: 4, seed: 1, inputSize: 4, name: 'synthetic' });
    assert.equal(second, first);
  });

  test('loads again when the options differ', async () => {
    const cache = createDatasetCache();
    const first = await cache.get({ name: 'synthetic', inputSize: 4, seed: 1, trainLimit: 4, valLimit: 2 });
    const second = await cache.get({ name: 'synthetic', inputSize: 4, seed: 2, trainLimit: 4, valLimit: 2 });
    assert.notEqual(second, first);
  });

  test('loads again after a failed load', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dataset-cache-'));
    try {
      const cache = createDatasetCache();
      const options = { name: 'images', inputSize: 4, seed: 1, dataDir: join(root, 'photos') } as const;
      await assert.rejects(cache.get(options), /does not exist/);
      for (const name of ['a.png', 'b.png', 'c.png']) {
        await mkdir(join(root, 'photos', 'cls'), { recursive: true });
        await sharp({ create: { width: 2, height: 2, channels: 3, background: '#808080' } }).toFile(join(root, 'photos', 'cls', name));
      }
      const dataset = await cache.get(options);
      assert.equal(dataset.train.count + dataset.val.count, 3);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

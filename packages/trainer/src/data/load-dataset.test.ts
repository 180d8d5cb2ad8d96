import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import sharp from 'sharp';

import { loadDataset } from './load-dataset.js';

describe('loadDataset', () => {
  test('makes the synthetic set with the limits as exact counts', async () => {
    const dataset = await loadDataset({ name: 'synthetic', inputSize: 8, trainLimit: 12, valLimit: 4, seed: 1 });
    assert.equal(dataset.name, 'synthetic');
    assert.equal(dataset.train.count, 12);
    assert.equal(dataset.val.count, 4);
  });

  test('passes dataDir to the Fashion-MNIST loader', async () => {
    await assert.rejects(
      loadDataset({ name: 'fashion-mnist', inputSize: 28, seed: 1, dataDir: '/nonexistent/here' }),
      /^SweepscopeError: dataDir \/nonexistent\/here does not exist: expected a folder holding/,
    );
  });

  test('requires dataDir for an image folder', async () => {
    await assert.rejects(
      loadDataset({ name: 'images', inputSize: 8, seed: 1 }),
      (error: Error) =>
        error instanceof SweepscopeError &&
        error.code === ErrorCode.BadUserInput &&
        error.field?.join('.') === 'dataDir' &&
        error.message === 'dataDir is missing: expected the path of the image folder when the data set is images.',
    );
  });

  test('loads an image folder from dataDir, reporting through onStatus', async () => {
    const root = await mkdtemp(join(tmpdir(), 'load-dataset-'));
    try {
      for (const [name, colour] of [
        ['blue', { r: 0, g: 0, b: 255 }],
        ['red', { r: 255, g: 0, b: 0 }],
      ] as const) {
        await mkdir(join(root, name));
        for (let i = 0; i < 5; i += 1) {
          await sharp({ create: { width: 6, height: 4, channels: 3, background: colour } })
            .png()
            .toFile(join(root, name, `${i}.png`));
        }
      }
      const lines: string[] = [];
      const dataset = await loadDataset({ name: 'images', inputSize: 4, seed: 1, dataDir: root, onStatus: (line) => lines.push(line) });
      assert.equal(dataset.name, 'images');
      assert.equal(dataset.numClasses, 2);
      assert.equal(dataset.train.count, 8);
      assert.equal(dataset.val.count, 2);
      assert.equal(lines.at(-1), 'decoding images 10/10');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('rejects an unknown name', async () => {
    await assert.rejects(
      loadDataset({ name: 'cifar' as 'synthetic', inputSize: 8, seed: 1 }),
      /expected a data set name in synthetic, fashion-mnist, images, got cifar/,
    );
  });
});

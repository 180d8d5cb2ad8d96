import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { selectBackend } from './select-backend.js';

async function isInstalled(packageName: string): Promise<boolean> {
  try {
    const specifier: string = packageName;
    await import(specifier);
    return true;
  } catch {
    return false;
  }
}

const nativeInstalled = (await isInstalled('@tensorflow/tfjs-node-gpu')) || (await isInstalled('@tensorflow/tfjs-node'));
const skip = nativeInstalled ? 'a native tfjs package is installed here' : false;

describe('selectBackend', { skip }, () => {
  test('falls back to cpu under auto and says why each native engine was skipped', async () => {
    const selected = await selectBackend();
    assert.equal(selected.name, 'cpu');
    assert.equal(selected.reason, 'node-gpu: not installed; node: not installed; using cpu');
    assert.equal(tf.getBackend(), 'cpu');
  });

  test('uses cpu when asked for it', async () => {
    assert.deepEqual(await selectBackend('cpu'), { name: 'cpu', reason: 'using cpu' });
  });

  test('throws naming an explicitly requested engine that cannot load', async () => {
    await assert.rejects(selectBackend('node'), /backend node \(@tensorflow\/tfjs-node\) could not be used: not installed/);
    await assert.rejects(selectBackend('node-gpu'), /backend node-gpu \(@tensorflow\/tfjs-node-gpu\)/);
  });
});

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { countLeaks } from '../testing/count-leaks.js';

before(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

/** Tiles on wasm and returns the values and shape. */
function tileOnWasm(values: number[], shape: number[], reps: number[], dtype: 'float32' | 'int32' = 'float32') {
  return tf.tidy(() => {
    const tiled = tf.tile(tf.tensor(values, shape, dtype), reps);
    return { shape: tiled.shape, values: Array.from(tiled.dataSync()) };
  });
}

describe('Tile on wasm with the broadcast fast path', () => {
  test('broadcasts a per-channel vector over batch, height and width exactly', () => {
    const channels = [0.5, -0, Number.NaN, Math.fround(-3e-38)];
    const { shape, values } = tileOnWasm(channels, [1, 1, 1, 4], [2, 3, 2, 1]);
    assert.deepEqual(shape, [2, 3, 2, 4]);
    assert.deepEqual(values, Array.from({ length: 12 }, () => channels).flat());
    // deepEqual treats -0 and 0 alike; a multiply by one must keep the sign.
    assert.ok(Object.is(values[1], -0));
  });

  test('repeats along axes that are not of size 1 as before', () => {
    assert.deepEqual(tileOnWasm([1, 2, 3, 4], [2, 2], [2, 1]), { shape: [4, 2], values: [1, 2, 3, 4, 1, 2, 3, 4] });
    assert.deepEqual(tileOnWasm([1, 2], [1, 2], [2, 2], 'int32'), { shape: [2, 4], values: [1, 2, 1, 2, 1, 2, 1, 2] });
  });

  test('leaves no tensors or wasm buffers behind', () => {
    const v = tf.tensor4d([1, 2, 3], [1, 1, 1, 3]);
    const leaks = countLeaks(() => tf.tile(v, [2, 4, 4, 1]).dispose());
    v.dispose();
    assert.deepEqual(leaks, { tensors: 0, buffers: 0 });
  });
});

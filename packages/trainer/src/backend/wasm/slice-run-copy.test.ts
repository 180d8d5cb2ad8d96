import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { countLeaks } from '../testing/count-leaks.js';

before(() => {
  registerWasmTrainingKernels();
});

/** The slice's values and shape on a backend, from the values 0, 1, 2, … of `shape`. */
async function sliceOn(backend: string, shape: number[], begin: number[], size: number[], dtype: 'float32' | 'int32') {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.range(0, tf.util.sizeFromShape(shape), 1, dtype).reshape(shape);
    const sliced = tf.slice(x, begin, size);
    return { shape: sliced.shape, values: Array.from(sliced.dataSync()) };
  });
}

const CASES: ReadonlyArray<{ label: string; shape: number[]; begin: number[]; size: number[] }> = [
  { label: 'a ZeroPadding2D gradient: height and width cropped, channels whole', shape: [2, 5, 6, 3], begin: [0, 1, 1, 0], size: [2, 3, 4, 3] },
  { label: 'every axis cut', shape: [3, 4, 5, 6], begin: [1, 2, 1, 2], size: [2, 2, 3, 3] },
  { label: 'size -1 to the end', shape: [2, 4, 4, 2], begin: [1, 1, 0, 1], size: [-1, -1, 3, 1] },
  { label: 'rank 3', shape: [4, 5, 6], begin: [1, 0, 2], size: [2, 5, 3] },
  { label: 'rank 2', shape: [5, 7], begin: [1, 2], size: [3, 4] },
];

describe('Slice on wasm with the run-copy fast path', () => {
  for (const { label, shape, begin, size } of CASES) {
    for (const dtype of ['float32', 'int32'] as const) {
      test(`gives the cpu backend's values: ${label}, ${dtype}`, async () => {
        assert.deepEqual(await sliceOn('wasm', shape, begin, size, dtype), await sliceOn('cpu', shape, begin, size, dtype));
      });
    }
  }

  test('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const x = tf.ones([2, 5, 6, 3]);
    const leaks = countLeaks(() => tf.slice(x, [0, 1, 1, 0], [2, 3, 4, 3]).dispose());
    x.dispose();
    assert.deepEqual(leaks, { tensors: 0, buffers: 0 });
  });
});

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { countLeaks } from '../testing/count-leaks.js';
import { listConvCases } from '../testing/list-conv-cases.js';
import { measureGradientError } from '../testing/measure-gradient-error.js';

/** float32 sums of at most a few dozen terms in a different order stay far below this. */
const TOLERANCE = 1e-4;

before(() => {
  registerWasmTrainingKernels();
});

describe('Conv2DBackpropInput on wasm with the pointwise fast path', () => {
  // 1×1 stride 1 takes the fast path; the other cases check the fallback.
  for (const c of listConvCases(44)) {
    test(`matches the cpu backend's input gradient: ${c.label}`, async () => {
      const error = await measureGradientError({
        op: (x, w) => tf.conv2d(x, w, c.stride, c.pad),
        xShape: c.xShape,
        filterShape: [c.kernel, c.kernel, c.xShape[3], 1 + (c.seed % 5)],
        seed: c.seed,
      });
      assert.ok(error.x <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error.x}`);
    });
  }

  test('matches the cpu backend on a 1×1 filter wide enough for whole SIMD tiles and a remainder: x [2, 5, 7, 12], 20 output channels', async () => {
    const error = await measureGradientError({
      op: (x, w) => tf.conv2d(x, w, 1, 'same'),
      xShape: [2, 5, 7, 12],
      filterShape: [1, 1, 12, 20],
      seed: 12,
    });
    assert.ok(error.x <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error.x}`);
  });

  test('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomUniform([2, 5, 5, 3]);
    const w = tf.randomUniform([1, 1, 3, 4]);
    const leaks = countLeaks(() =>
      tf
        .grad((input: tf.Tensor) => tf.conv2d(input as tf.Tensor4D, w as tf.Tensor4D, 1, 'same'))(x)
        .dispose(),
    );
    tf.dispose([x, w]);
    assert.deepEqual(leaks, { tensors: 0, buffers: 0 });
  });
});

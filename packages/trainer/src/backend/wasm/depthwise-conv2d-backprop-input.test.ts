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

describe('DepthwiseConv2dNativeBackpropInput on wasm', () => {
  for (const c of listConvCases(33)) {
    test(`matches the cpu backend's input gradient: ${c.label}`, async () => {
      const error = await measureGradientError({
        op: (x, w) => tf.depthwiseConv2d(x, w, c.stride, c.pad),
        xShape: c.xShape,
        filterShape: [c.kernel, c.kernel, c.xShape[3], 1],
        seed: c.seed,
      });
      assert.ok(error.x <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error.x}`);
    });
  }

  test('matches the cpu backend with channel multiplier 3, explicit padding and a 3×2 kernel', async () => {
    const error = await measureGradientError({
      op: (x, w) =>
        tf.depthwiseConv2d(
          x,
          w,
          [2, 1],
          [
            [0, 0],
            [0, 3],
            [1, 1],
            [0, 0],
          ],
        ),
      xShape: [2, 8, 7, 2],
      filterShape: [3, 2, 2, 3],
      seed: 7,
    });
    assert.ok(error.x <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error.x}`);
  });

  test('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomUniform([2, 7, 7, 3]);
    const w = tf.randomUniform([3, 3, 3, 1]);
    const leaks = countLeaks(() =>
      tf
        .grad((input: tf.Tensor) => tf.depthwiseConv2d(input as tf.Tensor4D, w as tf.Tensor4D, 2, 'same'))(x)
        .dispose(),
    );
    tf.dispose([x, w]);
    assert.deepEqual(leaks, { tensors: 0, buffers: 0 });
  });
});

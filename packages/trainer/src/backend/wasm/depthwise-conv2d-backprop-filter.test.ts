import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { countLeaks } from '../testing/count-leaks.js';
import { listConvCases } from '../testing/list-conv-cases.js';
import { measureGradientError } from '../testing/measure-gradient-error.js';

/** float32 sums of at most a few hundred terms in a different order stay far below this. */
const TOLERANCE = 1e-4;

before(() => {
  registerWasmTrainingKernels();
});

describe('DepthwiseConv2dNativeBackpropFilter on wasm', () => {
  for (const c of listConvCases(22)) {
    test(`matches the cpu backend's filter gradient: ${c.label}`, async () => {
      const error = await measureGradientError({
        op: (x, w) => tf.depthwiseConv2d(x, w, c.stride, c.pad),
        xShape: c.xShape,
        filterShape: [c.kernel, c.kernel, c.xShape[3], 1],
        seed: c.seed,
      });
      assert.ok(error.filter <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error.filter}`);
    });
  }

  test('matches the cpu backend with channel multiplier 3, explicit padding and a 3×2 kernel', async () => {
    const error = await measureGradientError({
      op: (x, w) =>
        tf.depthwiseConv2d(
          x,
          w,
          [1, 2],
          [
            [0, 0],
            [1, 2],
            [3, 0],
            [0, 0],
          ],
        ),
      xShape: [2, 7, 8, 2],
      filterShape: [3, 2, 2, 3],
      seed: 6,
    });
    assert.ok(error.filter <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error.filter}`);
  });

  test('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomUniform([2, 7, 7, 3]);
    const w = tf.randomUniform([3, 3, 3, 1]);
    const leaks = countLeaks(() =>
      tf
        .grad((f: tf.Tensor) => tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, 2, 'same'))(w)
        .dispose(),
    );
    tf.dispose([x, w]);
    assert.deepEqual(leaks, { tensors: 0, buffers: 0 });
  });
});

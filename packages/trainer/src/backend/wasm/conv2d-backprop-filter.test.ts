import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

import { createRandom } from '../../data/seeded-random.js';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { countLeaks } from '../testing/count-leaks.js';
import { listConvCases } from '../testing/list-conv-cases.js';
import { measureGradientError } from '../testing/measure-gradient-error.js';

/** float32 sums of at most a few hundred terms in a different order stay far below this. */
const TOLERANCE = 1e-4;

before(() => {
  registerWasmTrainingKernels();
});

describe('Conv2DBackpropFilter on wasm', () => {
  for (const c of listConvCases(11)) {
    test(`matches the cpu backend's filter gradient: ${c.label}`, async () => {
      const outChannels = 1 + (c.seed % 4);
      const error = await measureGradientError({
        op: (x, w) => tf.conv2d(x, w, c.stride, c.pad),
        xShape: c.xShape,
        filterShape: [c.kernel, c.kernel, c.xShape[3], outChannels],
        seed: c.seed,
      });
      assert.ok(error.filter <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error.filter}`);
    });
  }

  test('matches the cpu backend with explicit padding and a 2×3 kernel', async () => {
    const error = await measureGradientError({
      op: (x, w) =>
        tf.conv2d(
          x,
          w,
          [2, 1],
          [
            [0, 0],
            [2, 1],
            [0, 3],
            [0, 0],
          ],
        ),
      xShape: [2, 8, 6, 3],
      filterShape: [2, 3, 3, 4],
      seed: 5,
    });
    assert.ok(error.filter <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error.filter}`);
  });

  test('matches the cpu backend for NCHW inputs', async () => {
    const random = createRandom(9);
    const xData = Float32Array.from({ length: 2 * 3 * 7 * 6 }, () => random() - 0.5);
    const dyData = Float32Array.from({ length: 2 * 4 * 4 * 3 }, () => random() - 0.5);
    const attrs = { strides: 2, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 3, 4] };
    const filterGradientOn = async (backend: string): Promise<Float32Array> => {
      await tf.setBackend(backend);
      return tf.tidy(() => {
        const inputs = { x: tf.tensor4d(xData, [2, 3, 7, 6]), dy: tf.tensor4d(dyData, [2, 4, 4, 3]) };
        const gradient = tf.engine().runKernel(tf.Conv2DBackpropFilter, inputs, attrs) as tf.Tensor;
        return gradient.dataSync() as Float32Array;
      });
    };
    const expected = await filterGradientOn('cpu');
    const actual = await filterGradientOn('wasm');
    const scale = Math.max(...expected.map(Math.abs));
    const error = Math.max(...actual.map((v, i) => Math.abs(v - (expected[i] ?? NaN)))) / scale;
    assert.ok(error <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error}`);
  });

  test('matches the cpu backend on a 1×1 filter wide enough for whole SIMD tiles and a remainder: x [2, 5, 7, 12], 20 output channels', async () => {
    const error = await measureGradientError({
      op: (x, w) => tf.conv2d(x, w, 1, 'same'),
      xShape: [2, 5, 7, 12],
      filterShape: [1, 1, 12, 20],
      seed: 12,
    });
    assert.ok(error.filter <= TOLERANCE, `expected relative error ≤ ${TOLERANCE}, got ${error.filter}`);
  });

  test('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomUniform([2, 7, 7, 3]);
    const w = tf.randomUniform([3, 3, 3, 4]);
    const leaks = countLeaks(() =>
      tf
        .grad((f: tf.Tensor) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 2, 'same'))(w)
        .dispose(),
    );
    tf.dispose([x, w]);
    assert.deepEqual(leaks, { tensors: 0, buffers: 0 });
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { SgdUpdate } from '../backend/custom-kernels.js';
import { selectBackend } from '../backend/select-backend.js';
import { SgdOptimizer } from './sgd-optimizer.js';

/**
 * Three SGD steps with an optimizer on two variables and a third left without a gradient:
 * the variables' values after, and the kernels the last step's update ran.
 */
async function trainWith(optimizer: tf.Optimizer): Promise<{ values: number[][]; kernels: string[] }> {
  const [weights, bias, untouched] = tf.tidy(() => [
    tf.variable(tf.tensor2d([0.3, -1.7, 2.2, 0.05, 9, -0.125], [2, 3])),
    tf.variable(tf.tensor1d([0.1, 0.2, 0.3])),
    tf.variable(tf.tensor1d([7, 8])),
  ]);
  const x = tf.tensor2d([1.5, -2, 0.25, 3, 0.5, -1], [3, 2]);
  let kernels: string[] = [];
  for (let step = 0; step < 3; step += 1) {
    const { grads, value } = tf.variableGrads(() => tf.sum(tf.square(tf.add(tf.matMul(x, weights), bias))) as tf.Scalar, [weights, bias]);
    const gradients: tf.NamedTensorMap = { ...grads };
    // As minimize passes it: a variable the loss does not reach has a null gradient.
    (gradients as Record<string, tf.Tensor | null>)[untouched.name] = null;
    const profile = await tf.profile(() => {
      optimizer.applyGradients(gradients);
      return [];
    });
    kernels = profile.kernels.map((kernel) => kernel.name);
    tf.dispose([value, ...Object.values(grads)]);
  }
  const values = [weights, bias, untouched].map((variable) => Array.from(variable.dataSync()));
  tf.dispose([weights, bias, untouched, x]);
  return { values, kernels };
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`SgdOptimizer on ${backend}`, () => {
    test("gives the stock SGD optimizer's values to the bit and leaves a variable without a gradient alone", async () => {
      await selectBackend(backend);
      const ours = new SgdOptimizer(0.05);
      const stock = tf.train.sgd(0.05);
      const start = tf.memory().numTensors;
      const a = await trainWith(ours);
      const b = await trainWith(stock);
      assert.equal(tf.memory().numTensors, start, 'no tensor left behind');
      assert.deepEqual(a.values, b.values);
      assert.deepEqual(a.values[2], [7, 8]);
      assert.equal(ours.iterations, 3);
      // One kernel call for all the variables where the backend has it; the stock path elsewhere.
      assert.deepEqual(a.kernels, backend === 'wasm' ? [SgdUpdate] : b.kernels);
      ours.dispose();
      stock.dispose();
    });
  });
}

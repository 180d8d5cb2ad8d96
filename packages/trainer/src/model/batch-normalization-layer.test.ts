import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { selectBackend } from '../backend/select-backend.js';
import { createRandom } from '../data/seeded-random.js';
import { BatchNormalization } from './batch-normalization-layer.js';

/** Largest |a − b| over the largest |b|: one number per tensor, insensitive to near-zero entries. */
function relativeError(actual: tf.Tensor, expected: tf.Tensor): number {
  const a = actual.dataSync();
  const b = expected.dataSync();
  assert.equal(a.length, b.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i += 1) {
    diff = Math.max(diff, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    scale = Math.max(scale, Math.abs(b[i] ?? 0));
  }
  return diff / (scale || 1);
}

interface Outcome {
  y: tf.Tensor;
  grads: tf.Tensor[];
  movingMean: tf.Tensor;
  movingVariance: tf.Tensor;
}

/** One training-mode call through `layer` with a weighted sum as the loss, after giving it non-trivial γ and β. */
function trainOnce(layer: tf.layers.Layer, x: tf.Tensor4D, dy: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D): Outcome {
  layer.build(x.shape);
  const [gammaWeight, betaWeight, movingMean, movingVariance] = layer.weights;
  gammaWeight?.write(gamma);
  betaWeight?.write(beta);
  const { value, grads } = tf.variableGrads(
    () => tf.sum(tf.mul(layer.apply(x, { training: true }) as tf.Tensor, dy)) as tf.Scalar,
    [gammaWeight?.read() as tf.Variable, betaWeight?.read() as tf.Variable],
  );
  value.dispose();
  const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input, { training: true }) as tf.Tensor, dy)))(x);
  const y = layer.apply(x, { training: true }) as tf.Tensor;
  return {
    y,
    grads: [dx, ...Object.values(grads)],
    movingMean: (movingMean?.read() as tf.Tensor).clone(),
    movingVariance: (movingVariance?.read() as tf.Tensor).clone(),
  };
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`BatchNormalization on ${backend}`, () => {
    test('trains like the stock layer: output, moving statistics and every gradient within 1e-4', async () => {
      await selectBackend(backend);
      const random = createRandom(7);
      const shape: [number, number, number, number] = [3, 5, 4, 6];
      const uniform = (count: number, scale = 1, offset = 0): number[] => Array.from({ length: count }, () => offset + scale * (random() * 2 - 1));
      const x = tf.tensor4d(uniform(tf.util.sizeFromShape(shape), 3, 1.5), shape);
      const dy = tf.tensor4d(uniform(tf.util.sizeFromShape(shape)), shape);
      const gamma = tf.tensor1d(uniform(6, 0.5, 1));
      const beta = tf.tensor1d(uniform(6));
      const settings = { axis: -1, momentum: 0.9, epsilon: 1e-3 };
      const start = tf.memory().numTensors;
      const fast = trainOnce(new BatchNormalization({ ...settings, name: 'fast' }), x, dy, gamma, beta);
      const stock = trainOnce(tf.layers.batchNormalization({ ...settings, name: 'stock' }), x, dy, gamma, beta);
      try {
        assert.ok(relativeError(fast.y, stock.y) < 1e-4, 'output');
        // Three training calls each moved the statistics: the same three moves.
        assert.ok(relativeError(fast.movingMean, stock.movingMean) < 1e-4, 'moving mean');
        assert.ok(relativeError(fast.movingVariance, stock.movingVariance) < 1e-4, 'moving variance');
        ['x', 'gamma', 'beta'].forEach((name, i) => {
          const error = relativeError(fast.grads[i] as tf.Tensor, stock.grads[i] as tf.Tensor);
          assert.ok(error < 1e-4, `gradient of ${name}: relative error ${error}`);
        });
      } finally {
        for (const outcome of [fast, stock]) tf.dispose([outcome.y, ...outcome.grads, outcome.movingMean, outcome.movingVariance]);
      }
      // The layers' own weights stay; nothing else does.
      assert.equal(tf.memory().numTensors - start, 8);
    });

    test('leaves inference to the stock layer: the moving statistics, untouched', async () => {
      await selectBackend(backend);
      const x = tf.randomNormal([2, 3, 3, 4], 2, 3, 'float32', 1) as tf.Tensor4D;
      const fast = new BatchNormalization({ axis: -1, momentum: 0.9, name: 'fast_inference' });
      const stock = tf.layers.batchNormalization({ axis: -1, momentum: 0.9, name: 'stock_inference' });
      const yFast = fast.apply(x, { training: false }) as tf.Tensor;
      const yStock = stock.apply(x, { training: false }) as tf.Tensor;
      assert.ok(relativeError(yFast, yStock) < 1e-6);
      assert.deepEqual(Array.from((fast.weights[2]?.read() as tf.Tensor).dataSync()), [0, 0, 0, 0]);
      tf.dispose([x, yFast, yStock]);
    });
  });
}

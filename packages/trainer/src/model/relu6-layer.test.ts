import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { selectBackend } from '../backend/select-backend.js';
import { ReLU } from './relu6-layer.js';

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`ReLU(maxValue 6) on ${backend}`, () => {
    test("gives the stock layer's output and gradient away from 0 and 6, and a zero gradient at both", async () => {
      await selectBackend(backend);
      const start = tf.memory().numTensors;
      // Either side of both kinks, and the kinks themselves.
      const values = [-3, -0.5, 0, 0.25, 1, 3.5, 5.99, 6, 6.01, 9];
      const [fastY, fastGrad, stockY, stockGrad] = tf.tidy(() => {
        const x = tf.tensor1d(values);
        const dy = tf.tensor1d(values.map((_, i) => i + 1));
        const run = (layer: tf.layers.Layer): [tf.Tensor, tf.Tensor] => [
          layer.apply(x) as tf.Tensor,
          tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input) as tf.Tensor, dy)))(x),
        ];
        return [...run(new ReLU({ maxValue: 6 })), ...run(tf.layers.reLU({ maxValue: 6 }))];
      });
      assert.deepEqual(Array.from(fastY.dataSync()), Array.from(stockY.dataSync()));
      assert.deepEqual(Array.from(fastGrad.dataSync()), [0, 0, 0, 4, 5, 6, 7, 0, 0, 0]);
      // tfjs' stock gradient differs only at x = 6 exactly, where it passes the gradient on.
      assert.deepEqual(Array.from(stockGrad.dataSync()), [0, 0, 0, 4, 5, 6, 7, 8, 0, 0]);
      tf.dispose([fastY, stockY, fastGrad, stockGrad]);
      assert.equal(tf.memory().numTensors, start);
    });
  });
}

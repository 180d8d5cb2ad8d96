import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { selectBackend } from '../backend/select-backend.js';
import { Conv2D } from './conv2d-layer.js';

const SETTINGS = { filters: 4, kernelSize: 3, strides: 2, padding: 'same', useBias: false, kernelInitializer: 'ones' } as const;

/** The layer's output, its filter's gradient, and the kernels that gradient ran, for a constant (untrained) input. */
async function trainFilter(layer: tf.layers.Layer, x: tf.Tensor4D): Promise<{ y: number[]; dw: number[]; kernels: string[] }> {
  layer.build(x.shape);
  const filter = layer.weights[0]?.read() as tf.Variable;
  const y = Array.from((layer.apply(x) as tf.Tensor).dataSync());
  const profile = await tf.profile(() => tf.variableGrads(() => tf.sum(tf.square(layer.apply(x) as tf.Tensor)) as tf.Scalar, [filter]));
  const { value, grads } = profile.result as { value: tf.Scalar; grads: tf.NamedTensorMap };
  const dw = Array.from(Object.values(grads)[0]?.dataSync() ?? []);
  tf.dispose([value, ...Object.values(grads)]);
  return { y, dw, kernels: profile.kernels.map((kernel) => kernel.name) };
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`Conv2D on ${backend}`, () => {
    test("gives the stock layer's output and filter gradient without computing the input's gradient that nothing needs", async () => {
      await selectBackend(backend);
      const x = tf.tensor4d(
        Array.from({ length: 2 * 5 * 5 * 3 }, (_, i) => Math.sin(i)),
        [2, 5, 5, 3],
      );
      const plain = await trainFilter(new Conv2D({ ...SETTINGS, name: 'plain' }), x);
      const stock = await trainFilter(tf.layers.conv2d({ ...SETTINGS, name: 'stock' }), x);
      x.dispose();
      plain.y.forEach((value, i) => assert.ok(Math.abs(value - (stock.y[i] ?? NaN)) < 1e-5, `output ${i}`));
      plain.dw.forEach((value, i) => assert.ok(Math.abs(value - (stock.dw[i] ?? NaN)) < 1e-4, `filter gradient ${i}`));
      assert.ok(plain.kernels.includes(tf.Conv2DBackpropFilter), `expected the filter gradient among ${plain.kernels.join(', ')}`);
      assert.ok(!plain.kernels.includes(tf.Conv2DBackpropInput), `expected no input gradient among ${plain.kernels.join(', ')}`);
      // What the layer avoids: the stock layer's fused op computes it.
      assert.ok(stock.kernels.includes(tf.Conv2DBackpropInput));
    });
  });
}

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

import { createRandom } from '../../../data/seeded-random.js';
import { normalizeBatchForTraining } from '../../../model/batch-normalization-layer.js';
import { BatchNormTraining, BatchNormTrainingGrad, activeBackendHas } from '../../custom-kernels.js';
import { registerWasmTrainingKernels } from '../register-wasm-training-kernels.js';

/** What the other kernel tests allow against the cpu backend. */
const TOLERANCE = 1e-4;

/** max |a − b| / max |b|: one number per tensor, insensitive to near-zero entries. */
function relativeError(actual: Float32Array, expected: Float32Array): number {
  assert.equal(actual.length, expected.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i += 1) {
    diff = Math.max(diff, Math.abs((actual[i] ?? 0) - (expected[i] ?? 0)));
    scale = Math.max(scale, Math.abs(expected[i] ?? 0));
  }
  return diff / (scale || 1);
}

const OUTPUTS = ['y', 'moving mean', 'moving variance', 'dx', 'dGamma', 'dBeta'] as const;

/** The batch norm's training step on `backend`: the outputs named in {@link OUTPUTS}, in that order. */
async function trainingStep(
  backend: string,
  shape: [number, number, number, number],
  data: Record<'x' | 'dy' | 'gamma' | 'beta', Float32Array>,
): Promise<Float32Array[]> {
  if (!(await tf.setBackend(backend))) throw new Error(`expected backend ${backend} to initialise`);
  const channels = shape[3];
  const tensors = tf.tidy(() => {
    const x = tf.tensor4d(data.x, shape);
    const dy = tf.tensor4d(data.dy, shape);
    const moving = { mean: tf.fill([channels], 0.5), variance: tf.fill([channels], 2), momentum: 0.9 };
    const statistics: tf.Tensor[] = [];
    const normalize = (input: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor =>
      normalizeBatchForTraining(input as tf.Tensor4D, gamma, beta, 1e-3, moving, (mean, variance) => {
        if (statistics.length === 0) statistics.push(tf.keep(mean.clone()), tf.keep(variance.clone()));
      });
    const gradients = tf.grads(normalize)([x, tf.tensor1d(data.gamma), tf.tensor1d(data.beta)], dy);
    const y = normalize(x, tf.tensor1d(data.gamma), tf.tensor1d(data.beta));
    return [y, ...statistics, ...gradients];
  });
  const values = tensors.map((tensor) => tensor.dataSync() as Float32Array);
  tf.dispose(tensors);
  return values;
}

before(() => {
  registerWasmTrainingKernels();
});

describe('BatchNormTraining and BatchNormTrainingGrad on wasm', () => {
  test('match the cpu backend on random inputs', async () => {
    await tf.setBackend('wasm');
    assert.ok(activeBackendHas(BatchNormTraining) && activeBackendHas(BatchNormTrainingGrad), 'expected the wasm kernels registered');
    const random = createRandom(11);
    const shape: [number, number, number, number] = [4, 6, 5, 11];
    const uniform = (count: number, scale = 1, offset = 0): Float32Array => Float32Array.from({ length: count }, () => offset + scale * (random() * 2 - 1));
    const size = tf.util.sizeFromShape(shape);
    const data = { x: uniform(size, 2, 0.5), dy: uniform(size), gamma: uniform(11, 0.5, 1), beta: uniform(11) };
    const [wasm, cpu] = [await trainingStep('wasm', shape, data), await trainingStep('cpu', shape, data)];
    OUTPUTS.forEach((name, i) => {
      const error = relativeError(wasm[i] ?? new Float32Array(), cpu[i] ?? new Float32Array());
      assert.ok(error <= TOLERANCE, `${name}: expected relative error ≤ ${TOLERANCE}, got ${error}`);
    });
  });

  // MobileNetV2's first batch norms at 32 px sum 8×16×16 = 2,048 rows per channel (100,352
  // at 224 px). Summed row after row in float32, the mean of a channel that barely varies
  // over them (an uncentred image range, a flat background) was off by a fraction of the
  // channel's spread, and normalising multiplies that by up to 1/√ε ≈ 32: 5–30× the cpu
  // backend's error on real activations, which MobileNetV2's 52 batch norms amplify until
  // a gradient on synthetic images differed from cpu's by up to 50 %. Summed that way,
  // this input's y is off by 3.7e-4.
  test('match the cpu backend over 2,048 rows with channels that barely vary', async () => {
    const random = createRandom(5);
    const shape: [number, number, number, number] = [8, 16, 16, 8];
    const channels = shape[3];
    const rows = tf.util.sizeFromShape(shape) / channels;
    // Channel 0 is 3.1 everywhere, channel 1 is 5.3 ± 0.001, the rest are pixel-like, in [0, 1).
    const x = new Float32Array(rows * channels);
    for (let r = 0; r < rows; r += 1) {
      x[r * channels] = 3.1;
      x[r * channels + 1] = 5.3 + 0.001 * (random() * 2 - 1);
      for (let c = 2; c < channels; c += 1) x[r * channels + c] = random();
    }
    const uniform = (count: number, scale = 1, offset = 0): Float32Array => Float32Array.from({ length: count }, () => offset + scale * (random() * 2 - 1));
    const data = { x, dy: uniform(rows * channels), gamma: uniform(channels, 0.5, 1), beta: uniform(channels) };
    const [wasm, cpu] = [await trainingStep('wasm', shape, data), await trainingStep('cpu', shape, data)];
    OUTPUTS.forEach((name, i) => {
      const error = relativeError(wasm[i] ?? new Float32Array(), cpu[i] ?? new Float32Array());
      assert.ok(error <= TOLERANCE, `${name}: expected relative error ≤ ${TOLERANCE}, got ${error}`);
    });
  });
});

import * as tf from '@tensorflow/tfjs';

import { createRandom } from '../../data/seeded-random.js';

/** Options for {@link measureGradientError}. */
export interface MeasureGradientErrorOptions {
  /** The forward op, e.g. `(x, w) => tf.conv2d(x, w, 2, 'same')`. */
  op: (x: tf.Tensor4D, filter: tf.Tensor4D) => tf.Tensor4D;
  /** Shape of `x`, e.g. `[batch, height, width, channels]`. */
  xShape: [number, number, number, number];
  /** Shape of the filter, e.g. `[height, width, inChannels, outChannels]`. */
  filterShape: [number, number, number, number];
  /** Seed for the inputs and the upstream gradient, uniform in [-1, 1). */
  seed: number;
  /** Backend under test. @default 'wasm' */
  backend?: string;
  /** Reference backend. @default 'cpu' */
  reference?: string;
}

/** Relative errors of one backend's gradients against a reference backend's. */
export interface GradientError {
  /** max |dx − dx_ref| / max |dx_ref| */
  x: number;
  /** max |dW − dW_ref| / max |dW_ref| */
  filter: number;
}

/**
 * Computes the gradients of `op` with respect to its input and filter, for a
 * random upstream gradient, on two backends with identical data, and returns
 * how far the backend under test is from the reference: the largest absolute
 * difference divided by the reference's largest magnitude (so one number per
 * gradient, insensitive to near-zero entries). Leaves `backend` active.
 *
 * @throws Error when a backend cannot be set
 */
export async function measureGradientError(options: MeasureGradientErrorOptions): Promise<GradientError> {
  const { op, xShape, filterShape, seed, backend = 'wasm', reference = 'cpu' } = options;
  const random = createRandom(seed);
  const uniform = (size: number): Float32Array => Float32Array.from({ length: size }, () => random() * 2 - 1);
  const xData = uniform(tf.util.sizeFromShape(xShape));
  const filterData = uniform(tf.util.sizeFromShape(filterShape));
  let dyData: Float32Array | undefined;

  const gradientsOn = async (name: string): Promise<[Float32Array, Float32Array]> => {
    if (!(await tf.setBackend(name))) throw new Error(`expected backend ${name} to initialise`);
    const gradients = tf.tidy(() => {
      const x = tf.tensor4d(xData, xShape);
      const filter = tf.tensor4d(filterData, filterShape);
      // The upstream gradient has the op's output shape; draw it once.
      const outShape = tf.tidy(() => op(x, filter).shape);
      dyData ??= uniform(tf.util.sizeFromShape(outShape));
      const dy = tf.tensor(dyData, outShape);
      return tf.grads((a: tf.Tensor, b: tf.Tensor) => op(a as tf.Tensor4D, b as tf.Tensor4D))([x, filter], dy);
    });
    try {
      const [dx, dFilter] = gradients;
      if (dx === undefined || dFilter === undefined) throw new Error('expected gradients for x and filter');
      // Read asynchronously: WebGPU cannot read a tensor synchronously in Node.
      return (await Promise.all([dx.data(), dFilter.data()])) as [Float32Array, Float32Array];
    } finally {
      tf.dispose(gradients);
    }
  };

  const [refDx, refFilter] = await gradientsOn(reference);
  const [dx, dFilter] = await gradientsOn(backend);
  return { x: relativeError(dx, refDx), filter: relativeError(dFilter, refFilter) };
}

function relativeError(actual: Float32Array, expected: Float32Array): number {
  if (actual.length !== expected.length) {
    throw new Error(`expected ${expected.length} gradient values, got ${actual.length}`);
  }
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < expected.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs((actual[i] ?? NaN) - (expected[i] ?? NaN)));
    maxRef = Math.max(maxRef, Math.abs(expected[i] ?? 0));
  }
  // NaN anywhere makes maxDiff NaN, which fails any `<=` check.
  return maxRef === 0 ? maxDiff : maxDiff / maxRef;
}

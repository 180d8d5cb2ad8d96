import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { heapOffset, trainingKernelsFor } from './training-kernels.js';

/** `SweepscopeSgdUpdate` (see backend/custom-kernels.ts) for the WASM backend: one SIMD call per variable, one kernel call in all. */
export const sgdUpdateWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { learningRate } = attrs as { learningRate: number };
  const kernels = trainingKernelsFor(wasm);
  const count = Object.keys(inputs).length / 2;
  return Array.from({ length: count }, (_, i) => {
    const value = inputs[`value${i}`];
    const gradient = inputs[`gradient${i}`];
    if (value === undefined || gradient === undefined) throw new Error(`SweepscopeSgdUpdate: expected value${i} and gradient${i} among the inputs`);
    const out = wasm.makeOutput(value.shape, 'float32');
    kernels.sgd_update(heapOffset(wasm, value), heapOffset(wasm, gradient), tf.util.sizeFromShape(value.shape), learningRate, heapOffset(wasm, out));
    return out;
  });
};

import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { heapOffset, trainingKernelsFor } from './training-kernels.js';

/** `SweepscopeRelu6Grad` (see backend/custom-kernels.ts) for the WASM backend, in one SIMD call. */
export const relu6GradWasm: tf.KernelFunc = ({ inputs, backend }) => {
  const wasm = backend as BackendWasm;
  const { dy, y } = inputs as Record<'dy' | 'y', tf.TensorInfo>;
  const dx = wasm.makeOutput(dy.shape, 'float32');
  trainingKernelsFor(wasm).relu6_backward(heapOffset(wasm, dy), heapOffset(wasm, y), tf.util.sizeFromShape(dy.shape), heapOffset(wasm, dx));
  return dx;
};

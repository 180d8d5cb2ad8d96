import { readFileSync } from 'node:fs';

import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * The exports of training-kernels.wasm (see training-kernels.c for what each computes).
 * Pointers are byte offsets into the WASM backend's memory; counts are elements.
 */
export interface TrainingKernels {
  batch_norm_forward(
    x: number,
    gamma: number,
    beta: number,
    movingMean: number,
    movingVariance: number,
    rows: number,
    channels: number,
    epsilon: number,
    momentum: number,
    y: number,
    mean: number,
    invStd: number,
    newMovingMean: number,
    newMovingVariance: number,
  ): void;
  batch_norm_backward(
    x: number,
    dy: number,
    gamma: number,
    mean: number,
    invStd: number,
    rows: number,
    channels: number,
    dx: number,
    dGamma: number,
    dBeta: number,
  ): void;
  relu6_backward(dy: number, y: number, count: number, dx: number): void;
  depthwise_filter_gradient(x: number, dy: number, ...geometryThenDw: [...DepthwiseGeometry, dw: number]): void;
  depthwise_input_gradient(dy: number, filter: number, ...geometryThenDx: [...DepthwiseGeometry, dx: number]): void;
  matrix_multiply(a: number, aRowStride: number, aColumnStride: number, b: number, m: number, n: number, k: number, c: number): void;
  transpose(input: number, rows: number, columns: number, output: number): void;
  sgd_update(value: number, gradient: number, count: number, learningRate: number, output: number): void;
  slice_4d(input: number, ...shapeBeginSizeThenOutput: [...shape: Tail4, ...begin: Four, ...size: Four, output: number]): void;
}

type Four = [number, number, number, number];
/** A 4D shape without its first axis, which only bounds the slice. */
type Tail4 = [number, number, number];

/** A dilation-1, multiplier-1 depthwise convolution's shape, in the kernels' argument order. */
export type DepthwiseGeometry = [
  batch: number,
  inHeight: number,
  inWidth: number,
  channels: number,
  outHeight: number,
  outWidth: number,
  filterHeight: number,
  filterWidth: number,
  strideHeight: number,
  strideWidth: number,
  padTop: number,
  padLeft: number,
];

let compiled: WebAssembly.Module | undefined;
const instances = new WeakMap<BackendWasm, TrainingKernels>();

/**
 * The training kernels working on this backend's tensors in place: the module is
 * instantiated once per backend with the backend's own `WebAssembly.Memory`, so a tensor's
 * data is addressed by {@link heapOffset} and nothing is copied. Synchronous: kernels are.
 */
export function trainingKernelsFor(backend: BackendWasm): TrainingKernels {
  let kernels = instances.get(backend);
  if (kernels === undefined) {
    compiled ??= new WebAssembly.Module(readFileSync(new URL('./training-kernels.wasm', import.meta.url)));
    // Emscripten keeps the instance's exports, the memory among them, on `asm`.
    const { memory } = (backend.wasm as unknown as { asm: { memory: WebAssembly.Memory } }).asm;
    kernels = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as TrainingKernels;
    instances.set(backend, kernels);
  }
  return kernels;
}

/** Where a tensor's data starts in the backend's memory, in bytes. */
export function heapOffset(backend: BackendWasm, tensor: tf.TensorInfo): number {
  const data = backend.dataIdMap.get(tensor.dataId);
  if (data === undefined) throw new Error(`expected tensor data on the wasm backend for a ${tensor.dtype} [${tensor.shape.join(', ')}] tensor`);
  return data.memoryOffset;
}

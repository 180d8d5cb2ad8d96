import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

import { heapOffset, trainingKernelsFor } from './simd/training-kernels.js';

/** Dtypes stored 4 bytes an element on the WASM heap. */
const FOUR_BYTE_DTYPES: ReadonlySet<tf.DataType> = new Set(['float32', 'int32']);

/**
 * Wraps the WASM backend's own `Slice` with a fast path for strided slices of rank 2 to 4
 * (the gradient of every `ZeroPadding2D` in MobileNetV2 is one): one SIMD-module call
 * copying a run at a time, where the backend's JavaScript makes a typed-array view per
 * run, thousands a call. Contiguous slices, other ranks and dtypes go to `original`.
 *
 * @param original the kernel function this replaces
 * @returns a kernel function giving the slice, `size` (with -1 resolved)
 */
export function makeRunCopySlice(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as Record<'x', tf.TensorInfo>;
    const { begin, size } = args.attrs as unknown as tf.SliceAttrs;
    const rank = x.shape.length;
    if (!FOUR_BYTE_DTYPES.has(x.dtype) || rank < 2 || rank > 4) return original(args);
    const [begins = [], sizes = []] = tf.slice_util.parseSliceParams(x, begin, size);
    if (tf.slice_util.isSliceContinous(x.shape, begins, sizes)) return original(args);
    const backend = args.backend as BackendWasm;
    const out = backend.makeOutput(sizes, x.dtype);
    const ones = Array.from({ length: 4 - rank }, () => 1);
    const zeros = Array.from({ length: 4 - rank }, () => 0);
    const [, d1, d2, d3] = [...ones, ...x.shape] as [number, number, number, number];
    const [b0, b1, b2, b3] = [...zeros, ...begins] as [number, number, number, number];
    const [s0, s1, s2, s3] = [...ones, ...sizes] as [number, number, number, number];
    trainingKernelsFor(backend).slice_4d(heapOffset(backend, x), d1, d2, d3, b0, b1, b2, b3, s0, s1, s2, s3, heapOffset(backend, out));
    return out;
  };
}

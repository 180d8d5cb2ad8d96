import * as tf from '@tensorflow/tfjs';

import { runCompositeKernel } from './run-composite-kernel.js';

/**
 * Wraps the WASM backend's own `Tile` with a fast path for tiles that only
 * broadcast (every repeated axis has size 1), such as the
 * `tile([1, 1, 1, C] → [batch, height, width, C])` in every batch-norm
 * gradient: those become a broadcasting multiply by ones, which is exact
 * (`x · 1 = x`, signed zeros and NaN included) and about 15× faster than the
 * backend's per-element index loop. Every other case goes to `original`.
 *
 * Inputs: `x`, float32. Attrs: `reps`, one per axis of `x`.
 *
 * @param original the kernel function this replaces
 * @returns a kernel function giving `x` tiled, `[x.shape[i]·reps[i], …]`
 */
export function makeBroadcastTile(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as Record<'x', tf.TensorInfo>;
    const { reps } = args.attrs as unknown as tf.TileAttrs;
    const onlyBroadcasts = reps.every((rep, axis) => rep === 1 || x.shape[axis] === 1);
    if (x.dtype !== 'float32' || !onlyBroadcasts || reps.length !== x.shape.length) return original(args);
    const outShape = x.shape.map((size, axis) => size * (reps[axis] ?? 1));
    return runCompositeKernel(args.backend as tf.KernelBackend, [x], (input) => tf.mul(input, tf.ones(outShape)));
  };
}

import type * as tf from '@tensorflow/tfjs';

/**
 * Wraps the WASM backend's own `Identity`, which copies its input, with one that shares
 * the input's data, as the cpu backend's does: tensors are immutable and the backend
 * counts references to each buffer (its own `Reshape` shares data the same way). The
 * engine clones every tensor a gradient saves through `Identity`, some 390 a MobileNetV2
 * step, many the size of a layer's activations. Strings go to `original`.
 *
 * @param original the kernel function this replaces
 * @returns a kernel function giving `x`'s data under a new reference
 */
export function makeSharedIdentity(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as Record<'x', tf.TensorInfo>;
    if (x.dtype === 'string') return original(args);
    (args.backend as tf.KernelBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}

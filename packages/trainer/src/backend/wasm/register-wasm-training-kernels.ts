import * as tf from '@tensorflow/tfjs';

import { conv2DBackpropFilterWasm } from './conv2d-backprop-filter.js';
import { makePointwiseConv2DBackpropInput } from './conv2d-backprop-input-pointwise.js';
import { depthwiseConv2dNativeBackpropFilterWasm } from './depthwise-conv2d-backprop-filter.js';
import { depthwiseConv2dNativeBackpropInputWasm } from './depthwise-conv2d-backprop-input.js';
import { batchNormTrainingGradWasm, batchNormTrainingWasm } from './simd/batch-norm-kernels.js';
import { relu6GradWasm } from './simd/relu6-grad-kernel.js';
import { sgdUpdateWasm } from './simd/sgd-update-kernel.js';
import { BatchNormTraining, BatchNormTrainingGrad, Relu6Grad, SgdUpdate } from '../custom-kernels.js';
import { makeSharedIdentity } from './identity-shared.js';
import { makeRunCopySlice } from './slice-run-copy.js';
import { makeBroadcastTile } from './tile-broadcast.js';

/** The tfjs backend name that `@tensorflow/tfjs-backend-wasm` registers. */
const WASM_BACKEND = 'wasm';

/**
 * Kernels training a conv net needs that tfjs-backend-wasm 4.22 lacks, and the trainer's own
 * one-call kernels for batch norm, ReLU6 and the SGD update (../custom-kernels.ts).
 */
const MISSING_KERNELS: ReadonlyArray<readonly [kernelName: string, kernelFunc: tf.KernelFunc]> = [
  [tf.Conv2DBackpropFilter, conv2DBackpropFilterWasm],
  [tf.DepthwiseConv2dNativeBackpropFilter, depthwiseConv2dNativeBackpropFilterWasm],
  [tf.DepthwiseConv2dNativeBackpropInput, depthwiseConv2dNativeBackpropInputWasm],
  [BatchNormTraining, batchNormTrainingWasm],
  [BatchNormTrainingGrad, batchNormTrainingGradWasm],
  [Relu6Grad, relu6GradWasm],
  [SgdUpdate, sgdUpdateWasm],
];

/**
 * Kernels the package has but runs slowly (plain loops, copies) on what MobileNetV2
 * training does on every step; each wrapper takes the fast path there and calls the
 * original otherwise.
 */
const FAST_PATHS: ReadonlyArray<readonly [kernelName: string, wrap: (original: tf.KernelFunc) => tf.KernelFunc]> = [
  [tf.Conv2DBackpropInput, makePointwiseConv2DBackpropInput],
  [tf.Tile, makeBroadcastTile],
  [tf.Identity, makeSharedIdentity],
  [tf.Slice, makeRunCopySlice],
];

/** Marks the wrappers this module installs, so that a second call does not wrap them again. */
const FAST_PATH_MARK = Symbol('sweepscope.wasmFastPath');

/**
 * Makes the 'wasm' backend able to train conv nets such as MobileNetV2.
 *
 * Registers the gradient kernels it lacks (`Conv2DBackpropFilter`,
 * `DepthwiseConv2dNativeBackpropFilter`, `DepthwiseConv2dNativeBackpropInput`),
 * composed from its own XNNPACK-backed kernels or written in WASM SIMD (simd/),
 * and the trainer's batch-norm, ReLU6 and SGD-update kernels in WASM SIMD; a kernel already registered
 * for 'wasm' (say by a later tfjs-backend-wasm) is left as it is. Then wraps
 * four of its kernels with faster paths for what training does
 * (`Conv2DBackpropInput` for 1×1 filters, `Tile` when it only broadcasts,
 * `Identity` sharing data instead of copying it, `Slice` copying runs in
 * WASM); results are unchanged up to float32 rounding.
 *
 * Idempotent. The wrapping needs `@tensorflow/tfjs-backend-wasm` imported
 * first (importing it registers the kernels being wrapped); a call before
 * that registers only the missing kernels, and a later call adds the rest.
 * The backend need not be initialised.
 *
 * @returns the names of the kernels this call registered or wrapped (empty when all were in place)
 */
export function registerWasmTrainingKernels(): string[] {
  const changed: string[] = [];
  for (const [kernelName, kernelFunc] of MISSING_KERNELS) {
    if (tf.getKernel(kernelName, WASM_BACKEND)) continue;
    tf.registerKernel({ kernelName, backendName: WASM_BACKEND, kernelFunc });
    changed.push(kernelName);
  }
  for (const [kernelName, wrap] of FAST_PATHS) {
    const original = tf.getKernel(kernelName, WASM_BACKEND);
    if (!original || FAST_PATH_MARK in original.kernelFunc) continue;
    const kernelFunc = Object.assign(wrap(original.kernelFunc), { [FAST_PATH_MARK]: true });
    tf.unregisterKernel(kernelName, WASM_BACKEND);
    // Keep the original's setup and dispose hooks: the wrapper calls into it.
    tf.registerKernel({ ...original, kernelFunc });
    changed.push(kernelName);
  }
  return changed;
}

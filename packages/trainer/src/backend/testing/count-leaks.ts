import * as tf from '@tensorflow/tfjs';

/** Options for {@link countLeaks}. */
export interface CountLeaksOptions {
  /**
   * Also have the engine check every kernel for buffers it leaked (the
   * `IS_TEST` flag), which throws naming the kernel. Leave it off around
   * `tf.customGrad` ops that keep buffers beyond their output on purpose,
   * such as the model's batch norm (the layer's new moving statistics):
   * they trip the check.
   * @default true
   */
  checkKernels?: boolean;
}

/** How many more tensors and backend buffers are alive after than before. */
export interface LeakCount {
  tensors: number;
  buffers: number;
}

/**
 * Runs `fn` and counts the tensors (`tf.memory().numTensors`) and active
 * backend buffers (`numDataIds`) it left alive; `fn` must dispose what it
 * makes, so a clean run gives `{ tensors: 0, buffers: 0 }`.
 *
 * @throws whatever `fn` throws, or the engine's leak error with `checkKernels`
 */
export function countLeaks(fn: () => void, options: CountLeaksOptions = {}): LeakCount {
  const { checkKernels = true } = options;
  const wasTest = tf.env().getBool('IS_TEST');
  const tensors = tf.memory().numTensors;
  const buffers = tf.backend().numDataIds();
  tf.env().set('IS_TEST', checkKernels || wasTest);
  try {
    fn();
  } finally {
    tf.env().set('IS_TEST', wasTest);
  }
  return { tensors: tf.memory().numTensors - tensors, buffers: tf.backend().numDataIds() - buffers };
}

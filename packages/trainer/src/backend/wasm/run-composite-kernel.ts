import * as tf from '@tensorflow/tfjs';

/**
 * Runs a kernel body written with ordinary tf ops and hands its result to the
 * engine as a kernel output. Lets a kernel for one backend be composed from
 * that backend's other kernels: the ops dispatch to the active backend, and no
 * gradient tape records them because the engine is already inside a kernel.
 *
 * Every tensor the body makes is disposed, except the result, whose data is
 * kept alive for the engine: a kernel must return data that no live tensor
 * owns (the engine wraps it in a new tensor without taking a reference), so
 * the result's reference is moved from the tensor to the returned TensorInfo.
 *
 * @param backend the backend the kernel was invoked on (its `backend` argument)
 * @param inputs the kernel's input TensorInfos, in the order `body` takes them
 * @param body computes the output from the inputs, as tensors; runs in `tf.tidy`
 * @returns the output's TensorInfo, owned by the caller (the engine)
 * @throws whatever `body` throws; nothing it made is left allocated
 */
export function runCompositeKernel(backend: tf.KernelBackend, inputs: readonly tf.TensorInfo[], body: (...tensors: tf.Tensor[]) => tf.Tensor): tf.TensorInfo {
  const result = tf.tidy(() => body(...inputs.map((input) => asTensor(backend, input))));
  backend.incRef(result.dataId);
  result.dispose();
  return { dataId: result.dataId, shape: result.shape, dtype: result.dtype };
}

/**
 * Kernels receive tensors in practice, but the contract is TensorInfo. A bare
 * TensorInfo gets a tensor that holds its own reference, so disposing it in
 * the tidy leaves the caller's data alone.
 */
function asTensor(backend: tf.KernelBackend, input: tf.TensorInfo): tf.Tensor {
  if (input instanceof tf.Tensor) return input as tf.Tensor;
  backend.incRef(input.dataId);
  return tf.engine().makeTensorFromTensorInfo(input, backend);
}

import * as tf from '@tensorflow/tfjs';

import type { NoiseScaleState } from './gradient-noise-scale.js';

/**
 * Everything besides the weights that the next epoch depends on. The data order of epoch n
 * is a pure function of (seed, n, shuffle buffer) and SGD keeps no state, so these and the
 * epoch number are the whole of it.
 */
export interface CheckpointState {
  /** Bumped when the layout changes, so an old checkpoint is refused rather than misread. */
  format: 1;
  seed: number;
  shuffleBuffer: number;
  /**
   * Each weight's name and shape, in the order of the bytes. The name is tfjs' `originalName`,
   * which stays the same however many models a process builds, so a checkpoint taken in one
   * worker restores in another.
   */
  weights: { name: string; shape: number[] }[];
  /** The gradient noise scale's averages so far, so a resumed run measures on as if it had not stopped; absent before they were kept. */
  noiseScale?: NoiseScaleState;
}

/** A model's state after an epoch, ready to store. */
export interface Checkpoint {
  /** Every weight (trainable and batch-norm statistics) as little-endian float32, concatenated. */
  weights: Uint8Array;
  state: CheckpointState;
}

/**
 * Takes a copy of every weight of `model`, read asynchronously: the WebGPU engine cannot read a
 * tensor synchronously in Node.
 * @param model the classifier being trained
 * @param noiseScale the noise scale's averages, when it is measured
 */
export async function captureCheckpoint(
  model: tf.LayersModel,
  data: { seed: number; shuffleBuffer: number },
  noiseScale?: NoiseScaleState,
): Promise<Checkpoint> {
  const weights = model.weights;
  const values = (await Promise.all(weights.map((weight) => weight.read().data()))) as Float32Array[];
  const bytes = new Uint8Array(values.reduce((sum, value) => sum + value.byteLength, 0));
  let offset = 0;
  for (const value of values) {
    bytes.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), offset);
    offset += value.byteLength;
  }
  return {
    weights: bytes,
    state: {
      format: 1,
      seed: data.seed,
      shuffleBuffer: data.shuffleBuffer,
      weights: weights.map((weight) => ({ name: weight.originalName, shape: weight.shape.map((size) => size ?? 0) })),
      ...(noiseScale === undefined ? {} : { noiseScale }),
    },
  };
}

/**
 * Puts a checkpoint's weights back into a model built with the same settings.
 * @throws Error when the checkpoint was made by a model of another shape, or with another
 *   seed or shuffle buffer (its data order would not continue the same run)
 */
export function restoreCheckpoint(model: tf.LayersModel, checkpoint: Checkpoint, data: { seed: number; shuffleBuffer: number }): void {
  const { state } = checkpoint;
  if (state.format !== 1) throw new Error(`expected checkpoint format 1, got ${String(state.format)}`);
  if (state.seed !== data.seed || state.shuffleBuffer !== data.shuffleBuffer) {
    throw new Error(`expected a checkpoint of seed ${data.seed} and shuffle buffer ${data.shuffleBuffer}, got ${state.seed} and ${state.shuffleBuffer}`);
  }
  const weights = model.weights;
  const expected = weights.map((weight) => `${weight.originalName}[${weight.shape.join(',')}]`);
  const got = state.weights.map((weight) => `${weight.name}[${weight.shape.join(',')}]`);
  const firstDifference = expected.findIndex((key, index) => key !== got[index]);
  if (firstDifference !== -1 || expected.length !== got.length) {
    const at = firstDifference === -1 ? Math.min(expected.length, got.length) : firstDifference;
    throw new Error(`expected checkpoint weight ${at} to be ${expected[at] ?? 'absent'}, got ${got[at] ?? 'none'}`);
  }
  const floats = new Float32Array(
    checkpoint.weights.buffer.slice(checkpoint.weights.byteOffset, checkpoint.weights.byteOffset + checkpoint.weights.byteLength),
  );
  const total = weights.reduce((sum, weight) => sum + sizeOf(weight.shape), 0);
  if (floats.length !== total) throw new Error(`expected ${total} checkpoint values, got ${floats.length}`);
  let offset = 0;
  const tensors = weights.map((weight) => {
    const size = sizeOf(weight.shape);
    const tensor = tf.tensor(floats.subarray(offset, offset + size), weight.shape as number[], 'float32');
    offset += size;
    return tensor;
  });
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}

function sizeOf(shape: readonly (number | null)[]): number {
  return shape.reduce<number>((product, size) => product * (size ?? 0), 1);
}

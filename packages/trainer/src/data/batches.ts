import * as tf from '@tensorflow/tfjs';

import type { Split } from './dataset.js';
import { shuffleOrder } from './shuffle-order.js';

/** One batch, ready for the model. The caller owns and must dispose both tensors. */
export interface Batch {
  /** Pixels scaled to [0, 1], float32 `[batch, inputSize, inputSize, 3]`. */
  xs: tf.Tensor4D;
  /** Class indices, int32 `[batch]`. */
  ys: tf.Tensor1D;
}

/** Options for {@link makeBatches}. */
export interface MakeBatchesOptions {
  /** Images per batch; the last batch may be smaller. */
  batchSize: number;
  /**
   * Sliding shuffle buffer size, as tf.data's `shuffle(n)`; 0 or 1 keeps
   * the split's order (use that for validation).
   * @default 0
   */
  shuffleBuffer?: number;
  /** Run seed for the shuffle. @default 0 */
  seed?: number;
  /** Epoch number (1-based); the shuffle is reseeded from `(seed, epoch)`. @default 1 */
  epoch?: number;
}

/** Number of batches {@link makeBatches} yields for `count` images, counting a last partial batch. */
export function countBatches(count: number, batchSize: number): number {
  return Math.ceil(count / batchSize);
}

/**
 * The reference training pipeline: `shuffle(shuffleBuffer)` → `batch(batchSize)`,
 * keeping the last partial batch (tf.data's default `drop_remainder=False`).
 * Tensors are created lazily, one batch per step, so stopping early leaks
 * nothing; the bytes are normalised to [0, 1] here rather than up front to
 * keep the data set in uint8.
 *
 * @param split the images and labels, `[count, size, size, 3]` uint8
 * @param inputSize height and width of each image the model takes, in pixels; stored images
 *   of another size are resized bilinearly, batch by batch
 * @yields `{ xs: [batch, inputSize, inputSize, 3] float32, ys: [batch] int32 }`; dispose both
 * @throws Error when `batchSize` is not a positive integer or the split's byte length does not match
 */
export function* makeBatches(split: Split, inputSize: number, options: MakeBatchesOptions): Generator<Batch> {
  const { batchSize, shuffleBuffer = 0, seed = 0, epoch = 1 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`expected batchSize to be a positive integer, got ${batchSize}`);
  }
  const { size: side } = split;
  const pixels = side * side * 3;
  if (split.images.length !== split.count * pixels || split.labels.length !== split.count) {
    throw new Error(
      `expected ${split.count} images of ${side}×${side}×3 and ${split.count} labels, ` + `got ${split.images.length} bytes and ${split.labels.length} labels`,
    );
  }
  const order = shuffleOrder({ count: split.count, bufferSize: shuffleBuffer, seed, epoch });
  for (let start = 0; start < split.count; start += batchSize) {
    const size = Math.min(batchSize, split.count - start);
    const xs = new Float32Array(size * pixels);
    const ys = new Int32Array(size);
    for (let i = 0; i < size; i += 1) {
      const index = order[start + i] ?? 0;
      ys[i] = split.labels[index] ?? 0;
      const offset = index * pixels;
      const target = i * pixels;
      for (let p = 0; p < pixels; p += 1) xs[target + p] = (split.images[offset + p] ?? 0) / 255;
    }
    yield {
      xs: tf.tidy(() => {
        const stored = tf.tensor4d(xs, [size, side, side, 3], 'float32');
        // Half-pixel centres, as TensorFlow 2's tf.image.resize does.
        return side === inputSize ? stored : tf.image.resizeBilinear(stored, [inputSize, inputSize], false, true);
      }),
      ys: tf.tensor1d(ys, 'int32'),
    };
  }
}

import { join } from 'node:path';

import type { Dataset, Split } from './dataset.js';
import { FASHION_MNIST_FILES } from './fashion-mnist-files.js';
import { locateFashionMnist, type LocateFashionMnistOptions } from './locate-fashion-mnist.js';
import { readIdxFile } from './read-idx.js';
import { selectStratified } from './select-stratified.js';

/** Fashion-MNIST has ten clothing classes (T-shirt/top … ankle boot). */
const NUM_CLASSES = 10;

/**
 * Options for {@link loadFashionMnist}: where to look for the files (see
 * `locateFashionMnist`: `dataDir`, then the cache, then Debian's folder, then a download)
 * and what to keep of them.
 */
export interface LoadFashionMnistOptions extends LocateFashionMnistOptions {
  /** Height and width to resize the 28×28 images to, in pixels. */
  inputSize: number;
}

/**
 * Loads Fashion-MNIST: the 60,000-image training split and the 10,000-image
 * test split (used as validation, as the reference study does). Grey 28×28
 * images are copied into 3 channels, because MobileNetV2 takes RGB, and kept
 * at 28×28: batches are resized to `inputSize` as they are made. Limits take
 * the same stratified subset on every run.
 *
 * @returns a {@link Dataset} named `'fashion-mnist'`, images `[count, 28, 28, 3]` uint8, `skipped` empty
 * @throws Error when `inputSize` is not a positive integer, or a file is corrupt or not shaped as Fashion-MNIST's
 * @throws SweepscopeError from `locateFashionMnist` when the files are neither found nor downloaded
 */
export async function loadFashionMnist(options: LoadFashionMnistOptions): Promise<Dataset> {
  const { inputSize, trainLimit, valLimit } = options;
  if (!Number.isInteger(inputSize) || inputSize < 1) {
    throw new Error(`expected inputSize to be a positive integer, got ${inputSize}`);
  }
  const dir = await locateFashionMnist(options);
  const path = (file: { name: string }): string => join(dir, file.name);
  const [train, val] = await Promise.all([
    readSplit(path(FASHION_MNIST_FILES.trainImages), path(FASHION_MNIST_FILES.trainLabels), trainLimit),
    readSplit(path(FASHION_MNIST_FILES.valImages), path(FASHION_MNIST_FILES.valLabels), valLimit),
  ]);
  return { name: 'fashion-mnist', numClasses: NUM_CLASSES, inputSize, train, val, skipped: [] };
}

async function readSplit(imagesPath: string, labelsPath: string, limit?: number): Promise<Split> {
  const [images, labels] = await Promise.all([readIdxFile(imagesPath), readIdxFile(labelsPath)]);
  const [count, height, width] = images.shape;
  if (images.shape.length !== 3 || count === undefined || height === undefined || width !== height) {
    throw new Error(`${imagesPath}: expected shape [count, side, side], got [${images.shape.join(', ')}]`);
  }
  if (labels.shape.length !== 1 || labels.shape[0] !== count) {
    throw new Error(`${labelsPath}: expected shape [${count}], got [${labels.shape.join(', ')}]`);
  }
  const allLabels = Int32Array.from(labels.data);
  const indices = selectStratified(allLabels, NUM_CLASSES, limit ?? count);

  // Kept at 28×28: batches are resized to the model's input as they are made.
  const pixels = height * width;
  const out = new Uint8Array(indices.length * pixels * 3);
  indices.forEach((index, i) => {
    const source = images.data.subarray(index * pixels, (index + 1) * pixels);
    const base = i * pixels * 3;
    for (let p = 0; p < pixels; p += 1) {
      const value = source[p] ?? 0;
      out[base + 3 * p] = value;
      out[base + 3 * p + 1] = value;
      out[base + 3 * p + 2] = value;
    }
  });
  return { images: out, size: height, labels: indices.map((index) => allLabels[index] ?? 0), count: indices.length };
}

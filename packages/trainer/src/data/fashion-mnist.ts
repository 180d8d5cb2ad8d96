import { access } from 'node:fs/promises';
import { join } from 'node:path';

import type { Dataset, Split } from './dataset.js';
import { readIdxFile } from './read-idx.js';
import { resizeBilinearGrey } from './resize-bilinear.js';
import { selectStratified } from './select-stratified.js';

/** Where Debian's `dataset-fashion-mnist` package installs the files. */
export const FASHION_MNIST_DEFAULT_DIR = '/usr/share/datasets/fashion-mnist';

/** Fashion-MNIST has ten clothing classes (T-shirt/top … ankle boot). */
const NUM_CLASSES = 10;

const FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  valImages: 't10k-images-idx3-ubyte.gz',
  valLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

/** Options for {@link loadFashionMnist}. */
export interface LoadFashionMnistOptions {
  /** Folder holding the four gzip IDX files. @default '/usr/share/datasets/fashion-mnist' */
  dir?: string;
  /** Height and width to resize the 28×28 images to, in pixels. */
  inputSize: number;
  /** Keep at most this many training images (stratified by class). @default all 60,000 */
  trainLimit?: number;
  /** Keep at most this many validation images (stratified by class). @default all 10,000 */
  valLimit?: number;
}

/**
 * Loads Fashion-MNIST: the 60,000-image training split and the 10,000-image
 * test split (used as validation, as the reference study does). Grey 28×28
 * images are resized bilinearly to `inputSize` and copied into 3 channels,
 * because MobileNetV2 takes RGB. Limits take the same stratified subset on
 * every run.
 *
 * @returns a {@link Dataset} named `'fashion-mnist'`, images `[count, inputSize, inputSize, 3]` uint8
 * @throws Error listing the paths looked at, and how to install them, when a file is missing;
 *   Error when a file is corrupt or its shape is not what Fashion-MNIST has
 */
export async function loadFashionMnist(options: LoadFashionMnistOptions): Promise<Dataset> {
  const { dir = FASHION_MNIST_DEFAULT_DIR, inputSize, trainLimit, valLimit } = options;
  if (!Number.isInteger(inputSize) || inputSize < 1) {
    throw new Error(`expected inputSize to be a positive integer, got ${inputSize}`);
  }
  const paths = Object.values(FILES).map((file) => join(dir, file));
  const missing: string[] = [];
  await Promise.all(paths.map((path) => access(path).catch(() => missing.push(path))));
  if (missing.length > 0) {
    throw new Error(
      `Fashion-MNIST not found: missing ${missing.join(', ')}. ` +
        `Install it with \`apt-get install dataset-fashion-mnist\` or pass the folder holding ${Object.values(FILES).join(', ')}.`,
    );
  }
  const [train, val] = await Promise.all([
    readSplit(join(dir, FILES.trainImages), join(dir, FILES.trainLabels), inputSize, trainLimit),
    readSplit(join(dir, FILES.valImages), join(dir, FILES.valLabels), inputSize, valLimit),
  ]);
  return { name: 'fashion-mnist', numClasses: NUM_CLASSES, inputSize, train, val };
}

async function readSplit(imagesPath: string, labelsPath: string, inputSize: number, limit?: number): Promise<Split> {
  const [images, labels] = await Promise.all([readIdxFile(imagesPath), readIdxFile(labelsPath)]);
  const [count, height, width] = images.shape;
  if (images.shape.length !== 3 || count === undefined || height === undefined || width === undefined) {
    throw new Error(`${imagesPath}: expected shape [count, height, width], got [${images.shape.join(', ')}]`);
  }
  if (labels.shape.length !== 1 || labels.shape[0] !== count) {
    throw new Error(`${labelsPath}: expected shape [${count}], got [${labels.shape.join(', ')}]`);
  }
  const allLabels = Int32Array.from(labels.data);
  const indices = selectStratified(allLabels, NUM_CLASSES, limit ?? count);

  const sourcePixels = height * width;
  const greyPixels = inputSize * inputSize;
  const out = new Uint8Array(indices.length * greyPixels * 3);
  const grey = new Uint8Array(greyPixels);
  const keepSize = height === inputSize && width === inputSize;
  indices.forEach((index, i) => {
    const source = images.data.subarray(index * sourcePixels, (index + 1) * sourcePixels);
    const pixels = keepSize ? source : grey;
    if (!keepSize) resizeBilinearGrey(source, height, width, inputSize, grey);
    const base = i * greyPixels * 3;
    for (let p = 0; p < greyPixels; p += 1) {
      const value = pixels[p] ?? 0;
      out[base + 3 * p] = value;
      out[base + 3 * p + 1] = value;
      out[base + 3 * p + 2] = value;
    }
  });
  return { images: out, labels: indices.map((index) => allLabels[index] ?? 0), count: indices.length };
}

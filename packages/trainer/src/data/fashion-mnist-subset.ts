import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { FASHION_MNIST_FILES, type FashionMnistFile } from './fashion-mnist-files.js';
import { readIdxFile, type IdxArray } from './read-idx.js';
import { selectStratified } from './select-stratified.js';

/**
 * The slice of Fashion-MNIST that ships with Sweepscope, so the default sweep trains on a
 * machine with no network and no data package: the first 200 training and 100 validation
 * images of each class, in file order, as Fashion-MNIST's four gzip IDX files.
 *
 * Fashion-MNIST's classes are the same size in both splits, so `selectStratified` takes
 * each class's first images in the same numbers from the slice as from the whole set: any
 * limit up to these counts picks the very same images, in the same order, from either.
 */
export const FASHION_MNIST_SUBSET = {
  dir: fileURLToPath(new URL('../../data/fashion-mnist-subset', import.meta.url)),
  trainCount: 2000,
  valCount: 1000,
} as const;

/** Whether the shipped slice holds the images of these limits (none means the whole split). */
export function subsetHolds(limits: { trainLimit?: number; valLimit?: number }): boolean {
  const { trainLimit, valLimit } = limits;
  return trainLimit !== undefined && valLimit !== undefined && trainLimit <= FASHION_MNIST_SUBSET.trainCount && valLimit <= FASHION_MNIST_SUBSET.valCount;
}

/**
 * Writes the shipped slice from the whole set's four files: how the files in `data/` were
 * made, and what the test checks them against.
 * @param fromDir a folder holding Fashion-MNIST's four files
 * @param toDir where to write the slice's four files
 */
export async function writeFashionMnistSubset(fromDir: string, toDir: string): Promise<void> {
  await mkdir(toDir, { recursive: true });
  const split = async (images: FashionMnistFile, labels: FashionMnistFile, count: number): Promise<void> => {
    const [pixels, classes] = await Promise.all([readIdxFile(join(fromDir, images.name)), readIdxFile(join(fromDir, labels.name))]);
    const picked = selectStratified(Int32Array.from(classes.data), 10, count);
    const side = pixels.shape.slice(1);
    const size = side.reduce((a, b) => a * b, 1);
    const imageData = new Uint8Array(picked.length * size);
    picked.forEach((index, i) => imageData.set(pixels.data.subarray(index * size, (index + 1) * size), i * size));
    await writeFile(join(toDir, images.name), gzipSync(formatIdx({ shape: [picked.length, ...side], data: imageData }), { level: 9 }));
    await writeFile(
      join(toDir, labels.name),
      gzipSync(formatIdx({ shape: [picked.length], data: Uint8Array.from(picked, (index) => classes.data[index] ?? 0) }), { level: 9 }),
    );
  };
  await split(FASHION_MNIST_FILES.trainImages, FASHION_MNIST_FILES.trainLabels, FASHION_MNIST_SUBSET.trainCount);
  await split(FASHION_MNIST_FILES.valImages, FASHION_MNIST_FILES.valLabels, FASHION_MNIST_SUBSET.valCount);
}

/** An unsigned-byte IDX file's bytes: the header `parseIdx` reads, then the data. */
function formatIdx(array: IdxArray): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * array.shape.length));
  header.setUint8(2, 0x08);
  header.setUint8(3, array.shape.length);
  array.shape.forEach((size, d) => header.setUint32(4 + 4 * d, size, false));
  return Buffer.concat([new Uint8Array(header.buffer), array.data]);
}

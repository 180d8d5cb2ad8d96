import { stat } from 'node:fs/promises';
import { join } from 'node:path';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import { cacheDir as defaultCacheDir, fashionMnistSourceUrl } from '../env.js';
import { downloadFashionMnist } from './download-fashion-mnist.js';
import { FASHION_MNIST_FILE_NAMES, FASHION_MNIST_SYSTEM_DIR } from './fashion-mnist-files.js';
import { FASHION_MNIST_SUBSET, subsetHolds } from './fashion-mnist-subset.js';

/** Options for {@link locateFashionMnist}. */
export interface LocateFashionMnistOptions {
  /**
   * Folder the user named (`--data-dir`). When given it is the only place looked at:
   * lacking a file there is an error, not a reason to look elsewhere or download.
   */
  dataDir?: string;
  /** Cache root; the files are looked for, and downloaded into, its `fashion-mnist` subfolder. @default cacheDir() from env.ts */
  cacheDir?: string;
  /** Folders looked at after the cache, before downloading. @default ['/usr/share/datasets/fashion-mnist'] */
  systemDirs?: readonly string[];
  /** The slice that ships with Sweepscope. @default FASHION_MNIST_SUBSET.dir */
  subsetDir?: string;
  /** Base URL to download from. @default fashionMnistSourceUrl() from env.ts */
  sourceUrl?: string;
  /** Receives one line at a time about where the files were found or how the download goes. A throw inside it aborts. */
  onStatus?: (line: string) => void;
  /**
   * Keep at most this many training images (stratified by class). When the slice that ships
   * with Sweepscope holds both limits' images, it is used and nothing else is looked for.
   * @default all 60,000
   */
  trainLimit?: number;
  /** Keep at most this many validation images (stratified by class), as `trainLimit`. @default all 10,000 */
  valLimit?: number;
}

/**
 * Finds a folder holding all four Fashion-MNIST files: `dataDir` when given; otherwise the
 * slice that ships with Sweepscope when the limits fit in it (`FASHION_MNIST_SUBSET`: it
 * gives the same images as the whole set); otherwise the cache (`<cacheDir>/fashion-mnist`),
 * then Debian's folder; when none holds them, downloads them into the cache, checking each
 * file's SHA-256 (see `downloadFashionMnist`).
 *
 * @returns the folder holding the four `.gz` files
 * @throws SweepscopeError BAD_USER_INPUT (field `['dataDir']`) naming the folder and the
 *   missing files when `dataDir` lacks any of them
 * @throws SweepscopeError BAD_USER_INPUT (field `['dataDir']`, the download failure as `cause`)
 *   listing every folder looked at and both ways to get the files, when the download fails
 * @throws SweepscopeError INTERNAL when a downloaded file's SHA-256 does not match
 */
export async function locateFashionMnist(options: LocateFashionMnistOptions = {}): Promise<string> {
  const { dataDir, onStatus } = options;
  if (dataDir !== undefined) {
    const missing = await findMissingFiles(dataDir);
    if (missing !== undefined) {
      throw new SweepscopeError(
        ErrorCode.BadUserInput,
        `dataDir ${dataDir} ${missing}: expected a folder holding ${FASHION_MNIST_FILE_NAMES.join(', ')}. ` +
          `Get them with \`apt-get install dataset-fashion-mnist\` (into ${FASHION_MNIST_SYSTEM_DIR}), ` +
          `or leave dataDir out to have them found or downloaded.`,
        { field: ['dataDir'] },
      );
    }
    return dataDir;
  }

  const subsetDir = options.subsetDir ?? FASHION_MNIST_SUBSET.dir;
  // A checkout that lost the slice still trains from the whole set, found as below.
  if (subsetHolds(options) && (await findMissingFiles(subsetDir)) === undefined) {
    onStatus?.(
      `Fashion-MNIST: using the ${FASHION_MNIST_SUBSET.trainCount.toLocaleString('en')} + ${FASHION_MNIST_SUBSET.valCount.toLocaleString('en')}-image slice that ships with Sweepscope`,
    );
    return subsetDir;
  }

  const cache = join(options.cacheDir ?? defaultCacheDir(), 'fashion-mnist');
  const places = [cache, ...(options.systemDirs ?? [FASHION_MNIST_SYSTEM_DIR])];
  const looked: string[] = [];
  for (const place of places) {
    const missing = await findMissingFiles(place);
    if (missing === undefined) {
      onStatus?.(`Fashion-MNIST: using ${place}`);
      return place;
    }
    looked.push(`${place} (${missing})`);
  }

  const sourceUrl = options.sourceUrl ?? fashionMnistSourceUrl();
  onStatus?.(`Fashion-MNIST not found in ${places.join(', ')}: downloading it from ${sourceUrl} into ${cache}`);
  try {
    await downloadFashionMnist({ dir: cache, sourceUrl, ...(onStatus === undefined ? {} : { onStatus }) });
  } catch (error) {
    // A hash mismatch is not fixed by going online: it says what it is by itself.
    if (error instanceof SweepscopeError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `Fashion-MNIST was not found, and downloading it failed (${reason}). Looked in:\n` +
        looked.map((line) => `  ${line}\n`).join('') +
        `To get it, either install it with \`apt-get install dataset-fashion-mnist\` ` +
        `(or pass dataDir, --data-dir on the command line, with a folder holding ${FASHION_MNIST_FILE_NAMES.join(', ')}), ` +
        `or connect to the network so it is downloaded from ${sourceUrl} into ${cache}.`,
      { field: ['dataDir'], cause: error },
    );
  }
  return cache;
}

/**
 * Says what `dir` lacks, e.g. `"does not exist"` or `"lacks t10k-images-idx3-ubyte.gz"`.
 * @returns undefined when it holds all four files
 */
async function findMissingFiles(dir: string): Promise<string | undefined> {
  const isDir = await stat(dir).then(
    (stats) => stats.isDirectory(),
    () => undefined,
  );
  if (isDir === undefined) return 'does not exist';
  if (!isDir) return 'is not a folder';
  const missing: string[] = [];
  for (const name of FASHION_MNIST_FILE_NAMES) {
    const isFile = await stat(join(dir, name)).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (!isFile) missing.push(name);
  }
  return missing.length === 0 ? undefined : `lacks ${missing.join(', ')}`;
}

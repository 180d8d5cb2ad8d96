import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import type { Dataset, SkippedImage, Split } from './dataset.js';
import { decodeImage } from './decode-image.js';
import { forEachConcurrently } from './for-each-concurrently.js';
import { IMAGE_FOLDER_LAYOUTS, listImageFolder } from './list-image-folder.js';
import { createRandom, deriveSeed, shuffleInPlace } from './seeded-random.js';
import { selectStratified } from './select-stratified.js';
import { splitByClass } from './split-by-class.js';

/** Streams of the two splits' orders, apart from each other and from the split itself. */
const TRAIN_ORDER_STREAM = 0x0de1;
const VAL_ORDER_STREAM = 0x0de2;

/** Options for {@link loadImageFolder}. */
export interface LoadImageFolderOptions {
  /** The folder, laid out as `root/<class>/*` or `root/train/<class>/*` + `root/val/<class>/*`. */
  dir: string;
  /** Height and width every image is squashed to, in pixels. */
  inputSize: number;
  /** Seed of the validation split (`root/<class>` layout) and of the order of both splits. */
  seed: number;
  /** Share of each class held out for validation in the `root/<class>` layout. @default 0.2 */
  valFraction?: number;
  /** Keep at most this many training images, a stratified random subset; fewer when some are unreadable. @default all */
  trainLimit?: number;
  /** Keep at most this many validation images, as `trainLimit`. @default all */
  valLimit?: number;
  /** Images decoded at once; each holds a full-size decoded photo in memory. @default 4 */
  concurrency?: number;
  /** Receives one line at a time: the layout found, then e.g. `"decoding images 1200/3670"`. A throw inside it aborts. */
  onStatus?: (line: string) => void;
  /** Least time between two progress lines, in milliseconds. @default 1000 */
  progressIntervalMs?: number;
}

/** One image to decode: where it comes from and where it goes. */
interface Job {
  path: string;
  label: number;
  split: 'train' | 'val';
  slot: number;
}

/**
 * Loads a folder of images as a {@link Dataset} named `'images'`. Classes are the sorted
 * class-folder names (see `listImageFolder`). In the `root/<class>` layout each class is
 * split by the seed, `valFraction` to validation; in the `root/train` + `root/val` layout
 * the folders are the splits. Each split is put in a seeded random order, as Keras
 * shuffles its file list, so a small shuffle buffer does not train on one class at a
 * time; limits then keep a stratified subset of that order, before anything is decoded.
 * Images are decoded as `decodeImage` does (squashed to `inputSize`, bilinear, RGB),
 * `concurrency` at a time. Unreadable images are left out and listed in `skipped`.
 * Everything depends only on the files and the seed, never on decoding order.
 *
 * @returns images `[count, inputSize, inputSize, 3]` uint8 RGB and int32 labels
 * @throws SweepscopeError BAD_USER_INPUT (field `['dataDir']`) naming the path and the expected
 *   layouts when the folder is missing, holds no class folder with images, or no image of
 *   a split can be read
 * @throws Error when `inputSize`, `valFraction`, a limit or `concurrency` is out of range
 */
export async function loadImageFolder(options: LoadImageFolderOptions): Promise<Dataset> {
  const { dir, inputSize, seed, valFraction = 0.2, concurrency = 4, onStatus, progressIntervalMs = 1000 } = options;
  if (!Number.isInteger(inputSize) || inputSize < 1) {
    throw new Error(`expected inputSize to be a positive integer, got ${inputSize}`);
  }
  const listing = await listImageFolder(dir);
  const { classNames } = listing;
  const numClasses = classNames.length;
  const split = listing.val === undefined ? splitByClass({ byClass: listing.train, valFraction, seed }) : { train: listing.train, val: listing.val };
  const howSplit = listing.val === undefined ? `split ${Math.round(100 * valFraction)}% to validation by seed ${seed}` : 'split by folder';
  onStatus?.(`images: ${numClasses} classes (${summarise(classNames)}) in ${listing.source}, ${howSplit}`);
  for (const folder of listing.ignored) onStatus?.(`images: ignored ${folder}`);

  const trainJobs = pickJobs(split.train, 'train', numClasses, deriveSeed(seed, TRAIN_ORDER_STREAM), options.trainLimit);
  const valJobs = pickJobs(split.val, 'val', numClasses, deriveSeed(seed, VAL_ORDER_STREAM), options.valLimit);
  const jobs = [...trainJobs, ...valJobs];
  const pixels = inputSize * inputSize * 3;
  const images = { train: new Uint8Array(trainJobs.length * pixels), val: new Uint8Array(valJobs.length * pixels) };
  const failed = new Map<Job, string>();
  let done = 0;
  let reportedAt = Date.now();
  const report = (): void => onStatus?.(`decoding images ${done}/${jobs.length}`);
  report();
  await forEachConcurrently(jobs, concurrency, async (job) => {
    const target = images[job.split].subarray(job.slot * pixels, (job.slot + 1) * pixels);
    try {
      await decodeImage(job.path, inputSize, target);
    } catch (error) {
      // One bad photo among thousands should cost that photo, not the sweep.
      failed.set(job, error instanceof Error ? error.message : String(error));
    }
    done += 1;
    if (done === jobs.length || Date.now() - reportedAt >= progressIntervalMs) {
      reportedAt = Date.now();
      report();
    }
  });

  const skipped: SkippedImage[] = [...failed]
    .map(([job, reason]) => ({ path: job.path, reason }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const train = compact(trainJobs, images.train, failed, inputSize);
  const val = compact(valJobs, images.val, failed, inputSize);
  for (const [name, part] of [
    ['training', train],
    ['validation', val],
  ] as const) {
    if (part.count === 0) {
      const why = skipped.length > 0 ? `; ${skipped.length} unreadable, e.g. ${skipped[0]?.path}: ${skipped[0]?.reason}` : '';
      throw new SweepscopeError(
        ErrorCode.BadUserInput,
        `dataDir ${dir} gave no readable ${name} images${why}: expected a folder laid out as ${IMAGE_FOLDER_LAYOUTS}, ` +
          `with enough images per class to hold out ${Math.round(100 * valFraction)}% for validation.`,
        { field: ['dataDir'] },
      );
    }
  }
  if (skipped.length > 0) onStatus?.(`images: skipped ${skipped.length} unreadable`);
  return { name: 'images', numClasses, inputSize, train, val, skipped };
}

/** A split's files as jobs: flattened, put in the seed's order, then cut to `limit` by class. */
function pickJobs(byClass: string[][], split: Job['split'], numClasses: number, seed: number, limit: number | undefined): Job[] {
  const all = byClass.flatMap((paths, label) => paths.map((path) => ({ path, label })));
  shuffleInPlace(all, createRandom(seed));
  const labels = Int32Array.from(all, (item) => item.label);
  const picked = selectStratified(labels, numClasses, limit ?? all.length);
  return Array.from(picked, (index, slot) => ({ ...(all[index] as { path: string; label: number }), split, slot }));
}

/** Closes the gaps left by unreadable images, in place, keeping the order. */
function compact(jobs: Job[], images: Uint8Array, failed: ReadonlyMap<Job, string>, size: number): Split {
  const pixels = size * size * 3;
  const labels: number[] = [];
  for (const job of jobs) {
    if (failed.has(job)) continue;
    if (labels.length !== job.slot) images.copyWithin(labels.length * pixels, job.slot * pixels, (job.slot + 1) * pixels);
    labels.push(job.label);
  }
  const count = labels.length;
  // A view, not a copy: a copy would briefly need the memory twice over.
  return { images: images.subarray(0, count * pixels), size, labels: Int32Array.from(labels), count };
}

function summarise(names: readonly string[]): string {
  return names.length <= 8 ? names.join(', ') : `${names.slice(0, 8).join(', ')}, …`;
}

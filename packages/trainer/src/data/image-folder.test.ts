import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import sharp from 'sharp';

import type { Dataset, Split } from './dataset.js';
import { loadImageFolder } from './image-folder.js';

const SIZE = 4;
const PIXELS = SIZE * SIZE * 3;

let root: string;

/** Writes a one-colour image; the format follows the extension, and 1 or 4 channels make grey or RGBA. */
async function solid(path: string, width: number, height: number, colour: number[]): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  const channels = colour.length as 1 | 3 | 4;
  const image = sharp(Buffer.from(Array.from({ length: width * height }, () => colour).flat()), { raw: { width, height, channels } });
  if (channels === 1) image.toColourspace('b-w');
  await image.toFile(join(root, path));
}

/** Each image of a split as its first pixel, `"r,g,b"`, with its label. */
function firstPixels(split: Split): { pixel: string; label: number }[] {
  return Array.from({ length: split.count }, (_, i) => ({
    pixel: [...split.images.subarray(i * PIXELS, i * PIXELS + 3)].join(','),
    label: split.labels[i] ?? -1,
  }));
}

function imageAt(split: Split, i: number): Uint8Array {
  return split.images.subarray(i * PIXELS, (i + 1) * PIXELS);
}

/** Labels of a split, counted per class. */
function countLabels(split: Split, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const label of split.labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'image-folder-'));
  // flowers/daisy: one image per kind of file, none of them blue; flowers/tulip: ten blue ones.
  await solid('flowers/daisy/a-red.png', 10, 6, [255, 0, 0]);
  await solid('flowers/daisy/b-green.jpg', 30, 20, [0, 200, 0]);
  await solid('flowers/daisy/c-grey.png', 7, 5, [128]);
  await solid('flowers/daisy/d-rgba.png', 8, 8, [10, 20, 30, 255]);
  await solid('flowers/daisy/sub/e-nested.PNG', 3, 9, [1, 2, 3]);
  await solid('flowers/daisy/.hidden.png', 4, 4, [0, 0, 255]);
  await writeFile(join(root, 'flowers/daisy/f-corrupt.jpg'), randomBytes(300));
  await writeFile(join(root, 'flowers/daisy/notes.txt'), 'not an image');
  for (let i = 0; i < 10; i += 1) await solid(`flowers/tulip/t${i}.png`, 2 + i, 3, [0, 10 * i, 255]);
  await mkdir(join(root, 'flowers/empty'));

  for (const [path, count] of [
    ['split/train/cat', 3],
    ['split/train/dog', 2],
    ['split/test/cat', 1],
    ['split/test/dog', 2],
  ] as const) {
    for (let i = 0; i < count; i += 1) await solid(`${path}/${i}.png`, 5, 5, [i, path.includes('dog') ? 255 : 0, 9]);
  }
  await mkdir(join(root, 'broken/cls'), { recursive: true });
  for (let i = 0; i < 2; i += 1) await writeFile(join(root, `broken/cls/${i}.png`), randomBytes(50));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadImageFolder', () => {
  let flowers: Dataset;
  const lines: string[] = [];

  before(async () => {
    flowers = await loadImageFolder({ dir: join(root, 'flowers'), inputSize: SIZE, seed: 1, onStatus: (line) => lines.push(line) });
  });

  test('labels each image by its class folder, classes in sorted order', () => {
    assert.equal(flowers.name, 'images');
    assert.equal(flowers.numClasses, 2);
    assert.equal(flowers.inputSize, SIZE);
    assert.equal(flowers.train.count + flowers.val.count, 15);
    assert.equal(flowers.train.images.length, flowers.train.count * PIXELS);
    assert.equal(flowers.val.images.length, flowers.val.count * PIXELS);
    // Only tulips (class 1, after daisy) are blue.
    for (const { pixel, label } of [...firstPixels(flowers.train), ...firstPixels(flowers.val)]) {
      assert.equal(label, pixel.startsWith('0,') && pixel.endsWith(',255') ? 1 : 0, `pixel ${pixel} has label ${label}`);
    }
    // 20% of each class's files held out: 1 of daisy's 6 (one unreadable, wherever it fell), 2 of the 10 tulips.
    assert.equal(countLabels(flowers.train, 2)[1], 8);
    assert.equal(countLabels(flowers.val, 2)[1], 2);
    assert.equal(countLabels(flowers.train, 2)[0]! + countLabels(flowers.val, 2)[0]!, 5);
  });

  test('squashes a solid image to the same solid colour, grey into three equal channels', () => {
    const all = [flowers.train, flowers.val].flatMap((split) => Array.from({ length: split.count }, (_, i) => imageAt(split, i)));
    const find = (first: string): Uint8Array => {
      const image = all.find((candidate) => [...candidate.subarray(0, 3)].join(',') === first);
      assert.ok(image, `no image starting ${first}`);
      return image;
    };
    assert.deepEqual([...find('255,0,0')], Array.from({ length: SIZE * SIZE }, () => [255, 0, 0]).flat());
    assert.deepEqual([...find('128,128,128')], new Array<number>(PIXELS).fill(128));
    assert.deepEqual([...find('10,20,30')], Array.from({ length: SIZE * SIZE }, () => [10, 20, 30]).flat());
    const green = all.find((image) => image[1]! > 190 && image[0]! < 10);
    assert.ok(green, 'the JPEG was not decoded');
  });

  test('skips and lists an unreadable image, ignoring hidden and non-image files', () => {
    assert.equal(flowers.skipped.length, 1);
    assert.equal(flowers.skipped[0]?.path, join(root, 'flowers/daisy/f-corrupt.jpg'));
    assert.match(flowers.skipped[0]?.reason ?? '', /unsupported image format/);
  });

  test('says what it found and how decoding goes', () => {
    assert.deepEqual(lines, [
      `images: 2 classes (daisy, tulip) in ${join(root, 'flowers')}, split 20% to validation by seed 1`,
      `images: ignored ${join(root, 'flowers/empty')} (no images)`,
      'decoding images 0/16',
      'decoding images 16/16',
      'images: skipped 1 unreadable',
    ]);
  });

  test('splits and orders the same way for a seed, and differently for another', async () => {
    const again = await loadImageFolder({ dir: join(root, 'flowers'), inputSize: SIZE, seed: 1 });
    assert.deepEqual(again.train, flowers.train);
    assert.deepEqual(again.val, flowers.val);
    const other = await loadImageFolder({ dir: join(root, 'flowers'), inputSize: SIZE, seed: 2 });
    const tulipsHeldOut = (dataset: Dataset): string[] =>
      firstPixels(dataset.val)
        .filter(({ label }) => label === 1)
        .map(({ pixel }) => pixel)
        .sort();
    assert.notDeepEqual(tulipsHeldOut(other), tulipsHeldOut(flowers));
    assert.notDeepEqual(other.train.labels, flowers.train.labels);
  });

  test('mixes the classes in each split instead of keeping them in folder order', () => {
    const labels = [...flowers.train.labels];
    assert.notDeepEqual(labels, [...labels].sort());
  });

  test('takes a stratified subset for the limits', async () => {
    const dataset = await loadImageFolder({ dir: join(root, 'split'), inputSize: SIZE, seed: 3, trainLimit: 2, valLimit: 2 });
    assert.deepEqual(countLabels(dataset.train, 2), [1, 1]);
    assert.deepEqual(countLabels(dataset.val, 2), [1, 1]);
  });

  test('takes root/train and root/test as the two splits', async () => {
    const dataset = await loadImageFolder({ dir: join(root, 'split'), inputSize: SIZE, seed: 1 });
    assert.deepEqual(countLabels(dataset.train, 2), [3, 2]);
    assert.deepEqual(countLabels(dataset.val, 2), [1, 2]);
    for (const { pixel, label } of [...firstPixels(dataset.train), ...firstPixels(dataset.val)]) {
      assert.equal(label, pixel.split(',')[1] === '255' ? 1 : 0);
    }
  });

  test('refuses a folder with no images, naming it and the layouts', async () => {
    await assert.rejects(loadImageFolder({ dir: join(root, 'flowers/empty'), inputSize: SIZE, seed: 1 }), (error: unknown) => {
      assert.ok(error instanceof SweepscopeError);
      assert.equal(error.code, ErrorCode.BadUserInput);
      assert.deepEqual(error.field, ['dataDir']);
      assert.equal(
        error.message,
        `dataDir ${join(root, 'flowers/empty')} holds no images in class folders: ` +
          'expected a folder laid out as root/<class>/*.jpg|png (split by the seed) or root/train/<class> + root/val/<class>.',
      );
      return true;
    });
  });

  test('refuses a folder whose images are all unreadable, saying why', async () => {
    await assert.rejects(loadImageFolder({ dir: join(root, 'broken'), inputSize: SIZE, seed: 1 }), (error: unknown) => {
      assert.ok(error instanceof SweepscopeError);
      assert.equal(error.code, ErrorCode.BadUserInput);
      assert.match(
        error.message,
        new RegExp(`^dataDir ${join(root, 'broken')} gave no readable training images; 2 unreadable, e\\.g\\. ${join(root, 'broken/cls/0.png')}: `),
      );
      return true;
    });
  });

  test('rejects an inputSize that is not a positive integer', async () => {
    await assert.rejects(loadImageFolder({ dir: join(root, 'flowers'), inputSize: 2.5, seed: 1 }), /expected inputSize to be a positive integer, got 2\.5/);
  });
});

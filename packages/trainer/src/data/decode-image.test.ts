import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import sharp from 'sharp';

import { decodeImage } from './decode-image.js';

let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'decode-image-'));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes raw pixels `[height, width, channels]` as an image file; the format follows the extension. */
async function writeImage(name: string, width: number, height: number, channels: 1 | 3 | 4, pixels: number[]): Promise<string> {
  const path = join(root, name);
  const image = sharp(Buffer.from(pixels), { raw: { width, height, channels } });
  // Without this, sharp writes one raw channel as sRGB.
  if (channels === 1) image.toColourspace('b-w');
  await image.toFile(path);
  return path;
}

/** Pixels of a `[size, size, 3]` image as `[r, g, b]` triples, row by row. */
function triples(image: Uint8Array): number[][] {
  return Array.from({ length: image.length / 3 }, (_, p) => [...image.subarray(3 * p, 3 * p + 3)]);
}

/** A red pixel beside a blue one, squashed to 4 × 4 with bilinear interpolation as tf.image.resize does: four rows of this. */
const RED_TO_BLUE_ROW = [
  [255, 0, 0],
  [191, 0, 64],
  [64, 0, 191],
  [0, 0, 255],
];
const RED_TO_BLUE_SQUARE = [...RED_TO_BLUE_ROW, ...RED_TO_BLUE_ROW, ...RED_TO_BLUE_ROW, ...RED_TO_BLUE_ROW];

describe('decodeImage', () => {
  test('squashes to a square with bilinear interpolation, like tf.image.resize', async () => {
    const path = await writeImage('red-blue.png', 2, 1, 3, [255, 0, 0, 0, 0, 255]);
    assert.deepEqual(triples(await decodeImage(path, 4)), RED_TO_BLUE_SQUARE);
  });

  test('copies grey into three equal channels', async () => {
    const path = await writeImage('grey.png', 2, 2, 1, [0, 50, 100, 150]);
    assert.equal((await sharp(path).metadata()).channels, 1);
    assert.deepEqual(triples(await decodeImage(path, 2)), [
      [0, 0, 0],
      [50, 50, 50],
      [100, 100, 100],
      [150, 150, 150],
    ]);
  });

  test('flattens transparency onto black', async () => {
    const path = await writeImage('rgba.png', 3, 1, 4, [200, 100, 50, 255, 200, 100, 50, 0, 200, 100, 50, 128]);
    const [opaque, clear, half] = triples(await decodeImage(path, 3));
    assert.deepEqual(opaque, [200, 100, 50]);
    assert.deepEqual(clear, [0, 0, 0]);
    assert.ok(
      half?.every((value, c) => Math.abs(value - [100, 50, 25][c]!) <= 1),
      `half-transparent pixel ${JSON.stringify(half)}`,
    );
  });

  test('turns the image upright by its EXIF orientation', async () => {
    // Stored as one row, red then blue; orientation 6 means "rotate 90° clockwise to view",
    // which stands it up as a column, red on top.
    const path = join(root, 'rotated.jpg');
    await sharp(Buffer.from([255, 0, 0, 0, 0, 255]), { raw: { width: 2, height: 1, channels: 3 } })
      .resize(16, 8, { kernel: 'nearest' })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 100 })
      .toFile(path);
    const [topLeft, topRight, bottomLeft, bottomRight] = triples(await decodeImage(path, 2));
    for (const pixel of [topLeft, topRight]) assert.ok(pixel![0]! > 200 && pixel![2]! < 60, `top should be red, got ${JSON.stringify(pixel)}`);
    for (const pixel of [bottomLeft, bottomRight]) assert.ok(pixel![2]! > 200 && pixel![0]! < 60, `bottom should be blue, got ${JSON.stringify(pixel)}`);
  });

  test('writes into the target it is given', async () => {
    const path = await writeImage('green.webp', 5, 3, 3, Array.from({ length: 15 }, () => [0, 255, 0]).flat());
    const target = new Uint8Array(2 * 2 * 3).fill(7);
    const result = await decodeImage(path, 2, target);
    assert.equal(result, target);
    assert.ok(
      triples(target).every(([r, g, b]) => r! < 8 && g! > 247 && b! < 8),
      [...target].join(', '),
    );
  });

  test('reads a BMP, which sharp cannot, the same way', async () => {
    // A 2×1 24-bit bitmap, red then blue (stored BGR), its one row padded to 8 bytes.
    const bmp = Buffer.alloc(14 + 40 + 8);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(bmp.length, 2);
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(2, 18);
    bmp.writeInt32LE(1, 22);
    bmp.writeUInt16LE(1, 26);
    bmp.writeUInt16LE(24, 28);
    bmp.set([0, 0, 255, 255, 0, 0], 54);
    const path = join(root, 'red-blue.bmp');
    await writeFile(path, bmp);
    assert.deepEqual(triples(await decodeImage(path, 4)), RED_TO_BLUE_SQUARE);
  });

  test('throws on bytes that are not an image', async () => {
    const path = join(root, 'corrupt.jpg');
    await writeFile(path, randomBytes(512));
    await assert.rejects(decodeImage(path, 4), /unsupported image format/);
  });
});

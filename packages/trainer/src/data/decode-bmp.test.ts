import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { decodeBmp, isBmp } from './decode-bmp.js';

interface BmpSpec {
  width: number;
  height: number;
  bitsPerPixel: number;
  /** Rows as stored, in file order, each unpadded. */
  rows: number[][];
  topDown?: boolean;
  compression?: number;
  /** Bytes between the 40-byte header and the pixels: palette entries or bit masks. */
  extra?: number[];
}

/** Builds a BMP with a 40-byte BITMAPINFOHEADER, padding each row to 4 bytes. */
function makeBmp(spec: BmpSpec): Uint8Array {
  const stride = Math.floor((spec.bitsPerPixel * spec.width + 31) / 32) * 4;
  const extra = spec.extra ?? [];
  const pixelOffset = 14 + 40 + extra.length;
  const bytes = new Uint8Array(pixelOffset + stride * spec.height);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]);
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, pixelOffset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, spec.width, true);
  view.setInt32(22, spec.topDown ? -spec.height : spec.height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, spec.bitsPerPixel, true);
  view.setUint32(30, spec.compression ?? 0, true);
  bytes.set(extra, 54);
  spec.rows.forEach((row, y) => bytes.set(row, pixelOffset + y * stride));
  return bytes;
}

const RED = [255, 0, 0];
const GREEN = [0, 255, 0];
const BLUE = [0, 0, 255];
const WHITE = [255, 255, 255];

describe('decodeBmp', () => {
  test('reads 24-bit BGR rows stored bottom-up, with row padding', () => {
    // 3 pixels × 3 bytes = 9, padded to 12; the bottom row comes first in the file.
    const bytes = makeBmp({
      width: 3,
      height: 2,
      bitsPerPixel: 24,
      rows: [
        [255, 0, 0, 0, 255, 0, 0, 0, 255],
        [0, 0, 255, 0, 0, 255, 255, 255, 255],
      ],
    });
    assert.ok(isBmp(bytes));
    const image = decodeBmp(bytes);
    assert.equal(image.width, 3);
    assert.equal(image.height, 2);
    assert.deepEqual([...image.data], [...RED, ...RED, ...WHITE, ...BLUE, ...GREEN, ...RED]);
  });

  test('reads an 8-bit palette, top-down', () => {
    const palette = [0, 0, 255, 0, /* red */ 255, 0, 0, 0 /* blue */];
    const bytes = makeBmp({ width: 2, height: 1, bitsPerPixel: 8, rows: [[1, 0]], topDown: true, extra: palette });
    assert.deepEqual([...decodeBmp(bytes).data], [...BLUE, ...RED]);
  });

  test('reads a 1-bit palette, most significant bit first', () => {
    const palette = [0, 0, 0, 0, 255, 255, 255, 0];
    const bytes = makeBmp({ width: 3, height: 1, bitsPerPixel: 1, rows: [[0b10100000]], extra: palette });
    assert.deepEqual([...decodeBmp(bytes).data], [...WHITE, 0, 0, 0, ...WHITE]);
  });

  test('reads 16-bit 5-5-5 and 32-bit bit fields, the fourth byte being padding without an alpha mask', () => {
    // 0x7c00 is full red in 5-5-5.
    assert.deepEqual([...decodeBmp(makeBmp({ width: 1, height: 1, bitsPerPixel: 16, rows: [[0x00, 0x7c]] })).data], RED);
    // Masks R 0x000000ff, G 0x0000ff00, B 0x00ff0000 (RGBA order); the pixel is R 10, G 20, B 30, A 0.
    const masks = [0xff, 0, 0, 0, 0, 0xff, 0, 0, 0, 0, 0xff, 0];
    const bytes = makeBmp({ width: 1, height: 1, bitsPerPixel: 32, compression: 3, rows: [[10, 20, 30, 0]], extra: masks });
    assert.deepEqual([...decodeBmp(bytes).data], [10, 20, 30]);
  });

  test('flattens onto black by an alpha mask', () => {
    // Compression 6 (alpha bit fields): BGRA masks; the pixel is B 50, G 100, R 200, A 128.
    const masks = [0, 0, 0xff, 0, 0, 0xff, 0, 0, 0xff, 0, 0, 0, 0, 0, 0, 0xff];
    const bytes = makeBmp({ width: 1, height: 1, bitsPerPixel: 32, compression: 6, rows: [[50, 100, 200, 128]], extra: masks });
    assert.deepEqual([...decodeBmp(bytes).data], [100, 50, 25]);
  });

  test('refuses compressed, truncated and foreign files, saying what it expected', () => {
    assert.throws(
      () => decodeBmp(makeBmp({ width: 1, height: 1, bitsPerPixel: 8, compression: 1, rows: [[0]] })),
      /expected an uncompressed BMP \(compression 0 or 3\), got compression 1/,
    );
    const whole = makeBmp({ width: 4, height: 4, bitsPerPixel: 24, rows: [] });
    assert.throws(() => decodeBmp(whole.subarray(0, whole.length - 10)), /expected 48 bytes of pixels from byte 54, got 38/);
    assert.throws(() => decodeBmp(Uint8Array.from([0x89, 0x50, 0x4e, 0x47])), /expected a BMP file starting "BM"/);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { resizeBilinearRgb } from './resize-bilinear.js';

describe('resizeBilinearRgb', () => {
  test('interpolates each channel on its own and squashes to a square', () => {
    // A 1×2 image, red then blue, stretched to 2×2: rows repeat, columns keep their colour.
    const source = Uint8Array.from([255, 0, 0, 0, 0, 255]);
    const target = new Uint8Array(12);
    resizeBilinearRgb(source, 1, 2, 2, target);
    assert.deepEqual([...target], [255, 0, 0, 0, 0, 255, 255, 0, 0, 0, 0, 255]);
    // 2 → 4 across, half-pixel centres: sample points at -0.25, 0.25, 0.75, 1.25, clamped.
    const wide = new Uint8Array(4 * 4 * 3);
    resizeBilinearRgb(Uint8Array.from([0, 100, 200, 100, 0, 200]), 1, 2, 4, wide);
    assert.deepEqual([...wide.subarray(0, 12)], [0, 100, 200, 25, 75, 200, 75, 25, 200, 100, 0, 200]);
  });
});

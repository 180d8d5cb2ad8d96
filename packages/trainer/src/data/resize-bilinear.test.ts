import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { resizeBilinearGrey } from './resize-bilinear.js';

describe('resizeBilinearGrey', () => {
  test('returns the image unchanged at the same size', () => {
    const source = Uint8Array.from({ length: 9 }, (_, i) => i * 20);
    const target = new Uint8Array(9);
    resizeBilinearGrey(source, 3, 3, 3, target);
    assert.deepEqual(target, source);
  });

  test('interpolates with half-pixel centres like tf.image.resize', () => {
    // 2 → 4 upsampling of [0, 100]: sample points at -0.25, 0.25, 0.75, 1.25, clamped.
    const target = new Uint8Array(16);
    resizeBilinearGrey(Uint8Array.from([0, 100, 0, 100]), 2, 2, 4, target);
    assert.deepEqual([...target.subarray(0, 4)], [0, 25, 75, 100]);
  });
});

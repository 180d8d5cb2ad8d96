import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PALETTE_SIZE } from '../charts/palette';
import { assignPaletteSlots } from './assign-palette-slots';

describe('assignPaletteSlots', () => {
  it('gives keys slots in order of first appearance, each key once', () => {
    assert.deepEqual(
      [...assignPaletteSlots(['12', '15', '12', '40'])],
      [
        ['12', 0],
        ['15', 1],
        ['40', 2],
      ],
    );
  });

  it('starts again from the first colour past the end of the palette', () => {
    const keys = Array.from({ length: PALETTE_SIZE + 2 }, (_, i) => `run-${i}`);
    const slots = assignPaletteSlots(keys);
    assert.equal(slots.get(`run-${PALETTE_SIZE - 1}`), PALETTE_SIZE - 1);
    assert.equal(slots.get(`run-${PALETTE_SIZE}`), 0);
    assert.equal(slots.get(`run-${PALETTE_SIZE + 1}`), 1);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ASSUMED_ROOM, chooseDensity, gridSize } from './grid-density';

describe('chooseDensity', () => {
  it('draws detailed cells while the whole grid fits, and a compact heatmap once it does not', () => {
    const room = { width: 1400, height: 800 };
    assert.equal(chooseDensity('auto', 5, 5, room), 'detailed');
    assert.equal(chooseDensity('auto', 5, 12, room), 'compact', 'too wide');
    assert.equal(chooseDensity('auto', 9, 2, room), 'compact', 'too tall');
  });

  it('draws what is asked for, whatever the room', () => {
    assert.equal(chooseDensity('compact', 1, 1, ASSUMED_ROOM), 'compact');
    assert.equal(chooseDensity('detailed', 40, 25, ASSUMED_ROOM), 'detailed');
  });

  it('fits a 40 × 25 grid whole on a 1920 × 1080 screen as a heatmap', () => {
    assert.equal(chooseDensity('auto', 40, 25, ASSUMED_ROOM), 'compact');
    const { width, height } = gridSize(40, 25, 'compact');
    assert.ok(width <= ASSUMED_ROOM.width && height <= ASSUMED_ROOM.height, `${width} × ${height}`);
  });
});

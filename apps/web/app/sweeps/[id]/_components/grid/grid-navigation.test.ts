import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isGridNavigationKey, moveGridFocus } from './grid-navigation';

const size = { rows: 3, cols: 4 };

describe('moveGridFocus', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    assert.deepEqual(moveGridFocus({ row: 1, col: 1 }, 'ArrowRight', size), { row: 1, col: 2 });
    assert.deepEqual(moveGridFocus({ row: 1, col: 1 }, 'ArrowDown', size), { row: 2, col: 1 });
    assert.deepEqual(moveGridFocus({ row: 0, col: 0 }, 'ArrowUp', size), { row: 0, col: 0 });
    assert.deepEqual(moveGridFocus({ row: 0, col: 3 }, 'ArrowRight', size), { row: 0, col: 3 });
  });

  it('goes to the row ends with Home and End, and to the grid corners with Ctrl', () => {
    assert.deepEqual(moveGridFocus({ row: 1, col: 2 }, 'Home', size), { row: 1, col: 0 });
    assert.deepEqual(moveGridFocus({ row: 1, col: 2 }, 'End', size), { row: 1, col: 3 });
    assert.deepEqual(moveGridFocus({ row: 1, col: 2 }, 'Home', size, { ctrlKey: true }), { row: 0, col: 0 });
    assert.deepEqual(moveGridFocus({ row: 1, col: 2 }, 'End', size, { ctrlKey: true }), { row: 2, col: 3 });
  });

  it('goes to the column ends with Page Up and Page Down', () => {
    assert.deepEqual(moveGridFocus({ row: 1, col: 2 }, 'PageUp', size), { row: 0, col: 2 });
    assert.deepEqual(moveGridFocus({ row: 1, col: 2 }, 'PageDown', size), { row: 2, col: 2 });
  });

  it('brings a position left outside a grid that shrank back inside first', () => {
    assert.deepEqual(moveGridFocus({ row: 9, col: 9 }, 'ArrowLeft', size), { row: 2, col: 2 });
  });
});

describe('isGridNavigationKey', () => {
  it('knows the arrows, Home, End and the page keys, and nothing else', () => {
    assert.equal(isGridNavigationKey('ArrowLeft'), true);
    assert.equal(isGridNavigationKey('End'), true);
    assert.equal(isGridNavigationKey('Enter'), false);
    assert.equal(isGridNavigationKey('a'), false);
  });
});

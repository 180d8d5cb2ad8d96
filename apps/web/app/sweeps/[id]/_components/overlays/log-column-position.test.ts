import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { logColumnPosition } from './log-column-position';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `expected ${expected}, got ${actual}`);

describe('logColumnPosition', () => {
  const decades = [0.001, 0.01, 0.1, 1];

  it('puts each column learning rate at its index', () => {
    decades.forEach((lr, i) => close(logColumnPosition(lr, decades), i));
  });

  it('places a rate between two columns by its logarithm', () => {
    close(logColumnPosition(Math.sqrt(0.01 * 0.1), decades), 1.5);
    close(logColumnPosition(0.03, decades), 1 + Math.log10(3));
  });

  it('extrapolates past either end with the nearest step, also on uneven grids', () => {
    close(logColumnPosition(10, decades), 4);
    close(logColumnPosition(0.0001, decades), -1);
    // Steps of ×2 then ×5: 0.25 lies one ×2-step left of the first column.
    close(logColumnPosition(0.25, [0.5, 1, 5]), -1);
    close(logColumnPosition(25, [0.5, 1, 5]), 3);
  });

  it('has no position with fewer than two columns or a rate that is not positive', () => {
    assert.ok(Number.isNaN(logColumnPosition(0.1, [0.1])));
    assert.ok(Number.isNaN(logColumnPosition(0, decades)));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildRatioLines } from './ratio-lines';

function rounded(points: { col: number; row: number }[]) {
  return points.map(({ col, row }) => ({ col: Math.round(col * 1000) / 1000, row: Math.round(row * 1000) / 1000 }));
}

describe('buildRatioLines', () => {
  it('runs one cell right per row when both axes step by ten, from the top edge to the bottom', () => {
    const lines = buildRatioLines([10, 100, 1000], [0.001, 0.01, 0.1]);
    const first = lines.find((line) => line.learningRate === 0.001);
    assert.ok(first);
    assert.equal(first.ratio, 0.0001);
    assert.deepEqual(rounded(first.points), [
      { col: -0.5, row: -0.5 },
      { col: 0, row: 0 },
      { col: 1, row: 1 },
      { col: 2, row: 2 },
      { col: 2.5, row: 2.5 },
    ]);
  });

  it('interpolates in log space when the batch steps are finer than the learning-rate steps', () => {
    // Batch ×2 per row on a grid of decades: log10 2 ≈ 0.301 of a column per row.
    const [line] = buildRatioLines([32, 64, 128], [0.01, 0.1, 1]);
    assert.ok(line);
    assert.deepEqual(rounded(line.points), [
      { col: -0.151, row: -0.5 },
      { col: 0, row: 0 },
      { col: 0.301, row: 1 },
      { col: 0.602, row: 2 },
      { col: 0.753, row: 2.5 },
    ]);
  });

  it('cuts a line where it leaves the grid, half a cell past the last column', () => {
    const lines = buildRatioLines([10, 100, 1000], [0.001, 0.01, 0.1]);
    const last = lines.find((line) => line.learningRate === 0.01);
    assert.ok(last);
    assert.deepEqual(rounded(last.points), [
      { col: 0.5, row: -0.5 },
      { col: 1, row: 0 },
      { col: 2, row: 1 },
      { col: 2.5, row: 1.5 },
    ]);
    // The line from the last column leaves within its first row: a short stub shows which way it goes.
    assert.deepEqual(rounded(lines.find((line) => line.learningRate === 0.1)?.points ?? []), [
      { col: 1.5, row: -0.5 },
      { col: 2, row: 0 },
      { col: 2.5, row: 0.5 },
    ]);
  });

  it('draws nothing with one batch size or one learning rate', () => {
    assert.deepEqual(buildRatioLines([32], [0.01, 0.1]), []);
    assert.deepEqual(buildRatioLines([32, 64], [0.1]), []);
  });
});

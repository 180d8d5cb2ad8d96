import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderCoverageFirst } from './order-coverage-first.js';

const key = ({ batchSize, learningRate }: { batchSize: number; learningRate: number }): string => `${batchSize}:${learningRate}`;

function grid(batchSizes: number[], learningRates: number[]) {
  return batchSizes.flatMap((batchSize) => learningRates.map((learningRate) => ({ batchSize, learningRate })));
}

describe('orderCoverageFirst', () => {
  it('takes the four corners of a full grid first, then its centre', () => {
    const order = orderCoverageFirst(grid([16, 32, 64], [0.001, 0.01, 0.1])).map(key);
    assert.deepEqual(new Set(order.slice(0, 4)), new Set(['16:0.001', '16:0.1', '64:0.001', '64:0.1']));
    assert.equal(order[4], '32:0.01');
    assert.equal(order.length, 9);
    assert.equal(new Set(order).size, 9);
  });

  it('orders the reference study’s five cells corners first and the 64:0.01 centre last', () => {
    const cells = [
      { batchSize: 128, learningRate: 0.1 },
      { batchSize: 128, learningRate: 0.001 },
      { batchSize: 32, learningRate: 0.1 },
      { batchSize: 32, learningRate: 0.001 },
      { batchSize: 64, learningRate: 0.01 },
    ];
    assert.deepEqual(orderCoverageFirst(cells).map(key), ['32:0.001', '128:0.1', '128:0.001', '32:0.1', '64:0.01']);
  });

  it('spreads the first picks of a 4×4 grid over all four rows and columns', () => {
    const order = orderCoverageFirst(grid([16, 32, 64, 128], [0.001, 0.01, 0.1, 1]));
    assert.equal(order.length, 16);
    const firstSix = order.slice(0, 6);
    assert.equal(new Set(firstSix.map((cell) => cell.batchSize)).size, 4);
    assert.equal(new Set(firstSix.map((cell) => cell.learningRate)).size, 4);
  });

  it('keeps every cell, including a single one and an empty list', () => {
    assert.deepEqual(orderCoverageFirst([{ batchSize: 8, learningRate: 0.1 }]), [{ batchSize: 8, learningRate: 0.1 }]);
    assert.deepEqual(orderCoverageFirst([]), []);
  });
});

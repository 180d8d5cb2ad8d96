import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { getFittedLine, getGeometricMean, getPowerLawLine, getPredictedCurve, getRuleLines, getScalingAnchor } from './scaling-lines';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);

// The reference study's best learning rates: batch 64 tried one rate only.
const reference = [
  { batchSize: 32, learningRates: [0.1] },
  { batchSize: 64, learningRates: [0.01] },
  { batchSize: 128, learningRates: [0.1] },
];

describe('getScalingAnchor', () => {
  it("picks the smallest batch size's best learning rate", () => {
    assert.deepEqual(getScalingAnchor([...reference].reverse()), { batchSize: 32, learningRate: 0.1 });
  });

  it('takes the geometric mean of tied best learning rates', () => {
    const anchor = getScalingAnchor([{ batchSize: 16, learningRates: [0.001, 0.1] }]);
    assert.equal(anchor?.batchSize, 16);
    close(anchor.learningRate, 0.01);
  });

  it('is null before any batch size has a best learning rate', () => {
    assert.equal(getScalingAnchor([]), null);
    assert.equal(getScalingAnchor([{ batchSize: 8, learningRates: [] }]), null);
  });
});

describe('getRuleLines', () => {
  it("draws both rules through the smallest batch's best point to the largest batch", () => {
    const lines = getRuleLines(reference)!;
    assert.deepEqual(lines.linear.from, { batchSize: 32, learningRate: 0.1 });
    assert.deepEqual(lines.squareRoot.from, { batchSize: 32, learningRate: 0.1 });
    assert.equal(lines.linear.to.batchSize, 128);
    // Four times the batch: four times the rate by the Linear Scaling Rule, twice by square-root scaling.
    close(lines.linear.to.learningRate, 0.4);
    close(lines.squareRoot.to.learningRate, 0.2);
  });

  it('is null with one batch size, where a line has nowhere to go', () => {
    assert.equal(getRuleLines([{ batchSize: 32, learningRates: [0.1] }]), null);
    assert.equal(getRuleLines([]), null);
  });
});

describe('getPowerLawLine', () => {
  it('orders its ends by batch size and keeps the anchor on the line', () => {
    const line = getPowerLawLine({ batchSize: 64, learningRate: 0.02 }, 1, [256, 16]);
    assert.equal(line.from.batchSize, 16);
    close(line.from.learningRate, 0.005);
    close(line.to.learningRate, 0.08);
  });
});

describe('getFittedLine', () => {
  it("passes through the points' mean in log space with the fitted slope", () => {
    const points = [
      { batchSize: 32, learningRate: 0.01 },
      { batchSize: 128, learningRate: 0.04 },
    ];
    const line = getFittedLine(points, 1)!;
    close(line.from.learningRate, 0.01);
    close(line.to.learningRate, 0.04);
  });

  it('draws a flat line for a slope of 0', () => {
    const line = getFittedLine(
      [
        { batchSize: 32, learningRate: 0.1 },
        { batchSize: 128, learningRate: 0.1 },
      ],
      0,
    )!;
    close(line.from.learningRate, 0.1);
    close(line.to.learningRate, 0.1);
  });

  it('is null without a slope or with one batch size', () => {
    assert.equal(
      getFittedLine(
        [
          { batchSize: 32, learningRate: 0.1 },
          { batchSize: 64, learningRate: 0.1 },
        ],
        null,
      ),
      null,
    );
    assert.equal(getFittedLine([{ batchSize: 32, learningRate: 0.1 }], 1), null);
  });
});

describe('getGeometricMean', () => {
  it('is the middle of its values on a log axis', () => {
    close(getGeometricMean([0.001, 0.1]), 0.01);
    assert.throws(() => getGeometricMean([]), RangeError);
  });
});

describe('getPredictedCurve', () => {
  it('runs from the smaller batch size to the larger, evenly on a log axis, along ε_max / (1 + B_crit / B)', () => {
    const curve = getPredictedCurve(0.8, 64, [256, 16], 3);
    assert.deepEqual(
      curve.map((point) => Math.round(point.batchSize)),
      [16, 64, 256],
    );
    assert.deepEqual(
      curve.map((point) => Number(point.learningRate.toFixed(6))),
      [0.16, 0.4, 0.64],
    );
  });
});

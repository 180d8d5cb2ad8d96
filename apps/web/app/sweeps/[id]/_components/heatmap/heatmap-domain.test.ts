import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { chanceOrZero, fitHeatmapDomain, GAP_MIN_SPAN, LOSS_MIN_RATIO } from './heatmap-domain';

describe('fitHeatmapDomain', () => {
  it('colours accuracy from chance to 100 %, whatever values the grid shows', () => {
    assert.deepEqual(fitHeatmapDomain('finalValAccuracy', [0.25, 0.25], 0.1), { min: 0.1, max: 1, log: false });
    assert.deepEqual(fitHeatmapDomain('bestValAccuracy', [0.5, 0.93], 0.1), { min: 0.1, max: 1, log: false });
  });

  it('starts accuracy at 0 when chance is not known or makes no sense', () => {
    assert.deepEqual(fitHeatmapDomain('finalValAccuracy', [0.3]), { min: 0, max: 1, log: false });
    assert.deepEqual(fitHeatmapDomain('finalValAccuracy', [0.3], 1), { min: 0, max: 1, log: false });
    assert.equal(chanceOrZero(Number.NaN), 0);
    assert.equal(chanceOrZero(-0.1), 0);
    assert.equal(chanceOrZero(1 / 62), 1 / 62);
  });

  it("puts loss on a log scale at least a decade wide, about the values' geometric middle", () => {
    const domain = fitHeatmapDomain('finalValLoss', [0.5, 0.51]);
    assert.ok(domain !== null);
    assert.equal(domain.log, true);
    assert.ok(Math.abs(domain.max / domain.min - LOSS_MIN_RATIO) < 1e-9, `spans ×${domain.max / domain.min}`);
    assert.ok(Math.abs(domain.min * domain.max - 0.5 * 0.51) < 1e-12);
  });

  it('fits loss values that already span more than a decade as they are', () => {
    assert.deepEqual(fitHeatmapDomain('finalValLoss', [0.05, 0.3, 2.3]), { min: 0.05, max: 2.3, log: true });
  });

  it('leaves losses with no logarithm out of the log domain', () => {
    assert.deepEqual(fitHeatmapDomain('finalValLoss', [0, 0.2, 2]), { min: 0.2, max: 2, log: true });
    assert.equal(fitHeatmapDomain('finalValLoss', [0]), null);
  });

  it("widens the accuracy gap to at least its minimum span about the values' middle", () => {
    const domain = fitHeatmapDomain('accuracyGap', [0.02, 0.021]);
    assert.ok(domain !== null);
    assert.ok(Math.abs(domain.max - domain.min - GAP_MIN_SPAN) < 1e-12);
    assert.ok(Math.abs((domain.min + domain.max) / 2 - 0.0205) < 1e-12);
  });

  it('widens a linear domain to a fifth of its largest value where that is wider than the minimum span', () => {
    const domain = fitHeatmapDomain('accuracyGap', [0.5, 0.51]);
    assert.ok(domain !== null);
    assert.ok(Math.abs(domain.max - domain.min - 0.2 * 0.51) < 1e-12);
  });

  it('keeps a linear domain that is already wide enough', () => {
    assert.deepEqual(fitHeatmapDomain('accuracyGap', [-0.05, 0.2]), { min: -0.05, max: 0.2, log: false });
  });

  it('has no domain without a finite value', () => {
    for (const metric of ['finalValAccuracy', 'finalValLoss', 'accuracyGap'] as const) {
      assert.equal(fitHeatmapDomain(metric, [], 0.1), null);
      assert.equal(fitHeatmapDomain(metric, [Number.NaN, Number.POSITIVE_INFINITY], 0.1), null);
    }
  });
});

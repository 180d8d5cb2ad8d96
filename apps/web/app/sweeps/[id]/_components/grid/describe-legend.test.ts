import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeLegend } from './describe-legend';
import { fitHeatmapDomain } from '../heatmap/heatmap-domain';
import { createSequentialScale, viridisGradient } from '../heatmap/sequential-scale';

describe('describeLegend', () => {
  it('names chance and 100 % as the ends of an accuracy legend', () => {
    const legend = describeLegend('finalValAccuracy', createSequentialScale(fitHeatmapDomain('finalValAccuracy', [0.3, 0.8], 0.1), 'higher'));
    assert.equal(legend.worst, '10.0% (chance)');
    assert.equal(legend.best, '100.0%');
    assert.match(legend.caption, /higher is better/);
    assert.match(legend.caption, /fixed from chance to 100 %/);
    assert.match(legend.label, /^Colour legend for final validation accuracy: 10\.0 % \(chance\) at the dark end, the worse, to 100\.0 % at the bright end/);
    assert.equal(legend.background, viridisGradient());
  });

  it('says when an accuracy legend starts at 0 because chance is not known', () => {
    const legend = describeLegend('bestValAccuracy', createSequentialScale(fitHeatmapDomain('bestValAccuracy', [0.3]), 'higher'));
    assert.equal(legend.worst, '0.0%');
    assert.match(legend.caption, /chance not known/);
  });

  it("names a loss legend's ends, worse first, and says it is a log scale at least a decade wide", () => {
    const legend = describeLegend('finalValLoss', createSequentialScale({ min: 0.1, max: 1, log: true }, 'lower'));
    assert.equal(legend.worst, '1.00');
    assert.equal(legend.best, '0.100');
    assert.match(legend.caption, /lower is better/);
    assert.match(legend.caption, /log scale in nats, at least a factor of 10 wide/);
    assert.match(legend.label, /1\.00 at the dark end, the worse, to 0\.100 at the bright end, the better; log scale/);
  });

  it("names the accuracy gap legend's ends and its least span", () => {
    const legend = describeLegend('accuracyGap', createSequentialScale({ min: -0.005, max: 0.045, log: false }, 'lower'));
    assert.equal(legend.worst, '+4.5 pp');
    assert.equal(legend.best, '−0.5 pp');
    assert.match(legend.caption, /linear, at least 5\.0 percentage points wide/);
  });

  it('draws one colour, not a gradient, for a scale whose ends meet', () => {
    const scale = createSequentialScale({ min: 0.25, max: 0.25, log: false }, 'higher');
    const legend = describeLegend('accuracyGap', scale);
    assert.equal(legend.background, scale.colorOf(0.25).fill);
  });

  it('says there are no values yet without a domain', () => {
    const legend = describeLegend('finalValLoss', createSequentialScale(null, 'lower'));
    assert.deepEqual([legend.worst, legend.best, legend.caption], ['–', '–', 'no values yet']);
    assert.equal(legend.label, 'Colour legend for final validation loss: no values yet');
  });
});

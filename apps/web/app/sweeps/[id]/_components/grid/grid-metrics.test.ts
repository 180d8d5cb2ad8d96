import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { GRID_METRIC_DEFINITIONS } from './grid-metrics';

const latestEpoch = { epoch: 3, loss: 0.5, accuracy: 0.95, valLoss: 0.9, valAccuracy: 0.65 };
const run = { valAccuracies: [0.45, 0.7, 0.65], latestEpoch };

describe('GRID_METRIC_DEFINITIONS', () => {
  it('reads final and best validation accuracy, final validation loss and the accuracy gap', () => {
    assert.equal(GRID_METRIC_DEFINITIONS.finalValAccuracy.read(run), 0.65);
    assert.equal(GRID_METRIC_DEFINITIONS.bestValAccuracy.read(run), 0.7);
    assert.equal(GRID_METRIC_DEFINITIONS.finalValLoss.read(run), 0.9);
    assert.ok(Math.abs((GRID_METRIC_DEFINITIONS.accuracyGap.read(run) ?? 0) - 0.3) < 1e-12);
  });

  it('has no value before the first epoch, nor for a NaN loss', () => {
    for (const metric of Object.values(GRID_METRIC_DEFINITIONS)) assert.equal(metric.read({ valAccuracies: [], latestEpoch: null }), null);
    assert.equal(GRID_METRIC_DEFINITIONS.finalValLoss.read({ ...run, latestEpoch: { ...latestEpoch, valLoss: Number.NaN } }), null);
  });

  it('takes the best validation accuracy over the epochs stored, skipping the gaps', () => {
    assert.equal(GRID_METRIC_DEFINITIONS.bestValAccuracy.read({ valAccuracies: [null, 0.3, null, 0.6, 0.5], latestEpoch }), 0.6);
  });

  it('says which way is better: higher accuracy, lower loss and gap', () => {
    assert.equal(GRID_METRIC_DEFINITIONS.finalValAccuracy.better, 'higher');
    assert.equal(GRID_METRIC_DEFINITIONS.finalValLoss.better, 'lower');
    assert.equal(GRID_METRIC_DEFINITIONS.accuracyGap.better, 'lower');
  });

  it('formats for the cell and for screen readers', () => {
    assert.equal(GRID_METRIC_DEFINITIONS.finalValAccuracy.format(0.838), '83.8%');
    assert.equal(GRID_METRIC_DEFINITIONS.finalValAccuracy.speak(0.838), '83.8 %');
    assert.equal(GRID_METRIC_DEFINITIONS.finalValLoss.format(0.4523), '0.452');
    assert.equal(GRID_METRIC_DEFINITIONS.accuracyGap.format(0.123), '+12.3 pp');
    assert.equal(GRID_METRIC_DEFINITIONS.accuracyGap.format(-0.02), '−2.0 pp');
    assert.equal(GRID_METRIC_DEFINITIONS.accuracyGap.format(null), '–');
  });
});

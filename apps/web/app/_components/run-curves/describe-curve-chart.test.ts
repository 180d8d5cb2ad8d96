import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildCurveCharts, type CurveRun } from './build-curve-charts';
import { describeCurveChart, formatCurveValue } from './describe-curve-chart';

const run: CurveRun = {
  runId: '12',
  sweepId: '1',
  batchSize: 8,
  learningRate: 0.1,
  repeat: 1,
  trainingSet: null,
  epochs: [
    { epoch: 1, loss: 2.3, accuracy: 0.1, valLoss: 2.4, valAccuracy: 0.12, durationMs: 100 },
    { epoch: 2, loss: 0.52, accuracy: 0.8, valLoss: 0.61, valAccuracy: 0.755, durationMs: 100 },
  ],
};

describe('formatCurveValue', () => {
  it('writes a loss with three significant digits and an accuracy as a percentage', () => {
    assert.equal(formatCurveValue('loss', 0.52), '0.520');
    assert.equal(formatCurveValue('accuracy', 0.755), '75.5%');
    assert.equal(formatCurveValue('loss', null), '–');
  });
});

describe('describeCurveChart', () => {
  it('says what is plotted against what, then the newest values of each series', () => {
    const { loss, accuracy } = buildCurveCharts([run], { xAxis: 'epoch', smoothing: 0, combineRepeats: false, logLoss: false });
    assert.equal(
      describeCurveChart(loss, 0),
      'Loss of 1 series against epoch, train solid and validation dashed. run 12 · b 8 · lr 0.1 · rep 1: at epoch 2, train 0.520, validation 0.610.',
    );
    assert.match(describeCurveChart(accuracy, 0.6), /smoothed \(EMA weight 0.6\)\..*validation/);
  });

  it('says when there is nothing to draw', () => {
    const { loss } = buildCurveCharts([], { xAxis: 'epoch', smoothing: 0, combineRepeats: false, logLoss: false });
    assert.equal(describeCurveChart(loss, 0), 'Loss: nothing to draw yet.');
  });
});

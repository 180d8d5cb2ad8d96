import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildCurveCharts, type CurveEpoch, type CurveOptions, type CurveRun } from './build-curve-charts';

function epochs(losses: readonly number[], durationMs: number | null = 1000): CurveEpoch[] {
  return losses.map((loss, i) => ({ epoch: i + 1, loss, accuracy: 0.5, valLoss: loss * 2, valAccuracy: 0.4, durationMs }));
}

function run(runId: string, overrides: Partial<CurveRun> = {}): CurveRun {
  return {
    runId,
    sweepId: '1',
    batchSize: 8,
    learningRate: 0.1,
    repeat: 1,
    trainingSet: { images: 32, basis: 'train-limit' },
    epochs: epochs([2, 1]),
    ...overrides,
  };
}

const plain: CurveOptions = { xAxis: 'epoch', smoothing: 0, combineRepeats: false, logLoss: false };

describe('buildCurveCharts', () => {
  it('draws a solid train and a dashed-to-be validation line per run, one colour each', () => {
    const { loss, omitted } = buildCurveCharts([run('12'), run('15', { batchSize: 16 })], plain);
    assert.deepEqual(omitted, []);
    assert.deepEqual(
      loss.series.map((s) => [s.label, s.split, s.role, s.slot]),
      [
        ['run 12 · b 8 · lr 0.1 · rep 1 train', 'train', 'line', 0],
        ['run 12 · b 8 · lr 0.1 · rep 1 val', 'val', 'line', 0],
        ['run 15 · b 16 · lr 0.1 · rep 1 train', 'train', 'line', 1],
        ['run 15 · b 16 · lr 0.1 · rep 1 val', 'val', 'line', 1],
      ],
    );
    assert.deepEqual(loss.data, [
      [1, 2],
      [2, 1],
      [4, 2],
      [2, 1],
      [4, 2],
    ]);
    assert.deepEqual(
      loss.groups.map((g) => g.last),
      [
        { epoch: 2, train: 1, val: 2 },
        { epoch: 2, train: 1, val: 2 },
      ],
    );
  });

  it('places each run on its own steps, aligned on one x-axis', () => {
    // 32 images: 4 steps an epoch at batch 8, 2 at batch 16.
    const { accuracy, loss } = buildCurveCharts([run('12'), run('15', { batchSize: 16 })], { ...plain, xAxis: 'steps' });
    assert.deepEqual(loss.data[0], [2, 4, 8]);
    assert.deepEqual(loss.data[1], [null, 2, 1]);
    assert.deepEqual(loss.data[3], [2, 1, null]);
    assert.equal(accuracy.xLabel, 'optimizer steps (training images per the train limit)');
  });

  it('leaves out, with a reason, a run the x-axis cannot place', () => {
    const { loss, omitted } = buildCurveCharts([run('12'), run('15', { trainingSet: null })], { ...plain, xAxis: 'images' });
    assert.deepEqual(
      loss.groups.map((g) => g.runIds),
      [['12']],
    );
    assert.deepEqual(omitted, [{ runId: '15', reason: 'its sweep sets no train limit and the size of its data set is unknown here' }]);
  });

  it('keeps each run its colour when an axis leaves an earlier one out', () => {
    const { loss } = buildCurveCharts([run('15', { trainingSet: null }), run('12')], { ...plain, xAxis: 'images' });
    assert.deepEqual(
      loss.groups.map((g) => [g.key, g.slot]),
      [['12', 1]],
    );
  });

  it('draws the repeats of a cell as their mean with a ±1 sd band when combined', () => {
    const repeats = [
      run('1', { epochs: epochs([2, 1]) }),
      run('2', { repeat: 2, epochs: epochs([4, 1]) }),
      run('3', { batchSize: 16, epochs: epochs([3, 3]) }),
    ];
    const { loss } = buildCurveCharts(repeats, { ...plain, combineRepeats: true });
    assert.deepEqual(
      loss.groups.map((g) => [g.label, g.runIds, g.slot]),
      [
        ['b 8 · lr 0.1 · mean of 2 repeats', ['1', '2'], 0],
        ['run 3 · b 16 · lr 0.1 · rep 1', ['3'], 1],
      ],
    );
    const roles = loss.series.map((s) => `${s.groupKey}:${s.split}:${s.role}`);
    assert.deepEqual(roles, [
      '1/8/0.1:train:upper',
      '1/8/0.1:train:lower',
      '1/8/0.1:val:upper',
      '1/8/0.1:val:lower',
      '1/8/0.1:train:line',
      '1/8/0.1:val:line',
      '1/16/0.1:train:line',
      '1/16/0.1:val:line',
    ]);
    assert.deepEqual(loss.bands, [
      [1, 2],
      [3, 4],
    ]);
    // Train losses 2 and 4 at epoch 1: mean 3, sd √2; 1 and 1 at epoch 2: mean 1, sd 0.
    assert.deepEqual(loss.data[5], [3, 1]);
    assert.deepEqual(loss.data[1], [3 + Math.SQRT2, 1]);
    assert.deepEqual(loss.data[2], [3 - Math.SQRT2, 1]);
  });

  it('keeps repeats apart when not combined', () => {
    const { loss } = buildCurveCharts([run('1'), run('2', { repeat: 2 })], plain);
    assert.equal(loss.groups.length, 2);
    assert.deepEqual(loss.bands, []);
  });

  it('smooths the lines and keeps the raw values behind them', () => {
    const { loss } = buildCurveCharts([run('12', { epochs: epochs([1, 3]) })], { ...plain, smoothing: 0.5 });
    assert.deepEqual(
      loss.series.map((s) => s.role),
      ['raw', 'raw', 'line', 'line'],
    );
    assert.deepEqual(loss.data[1], [1, 3]);
    assert.deepEqual(loss.data[3], [1, 7 / 3]);
  });

  it('drops values a log axis cannot show, in the loss chart only', () => {
    const runs = [run('1', { epochs: epochs([1, 1]) }), run('2', { repeat: 2, epochs: epochs([3, 1]) })];
    const { loss, accuracy } = buildCurveCharts(runs, { ...plain, combineRepeats: true, logLoss: true });
    // Epoch 1: mean 2, sd √2, so the lower edge 2 − √2 > 0 stays; a larger spread would go below zero.
    assert.ok((loss.data[2]?.[0] ?? 0) > 0);
    const wide = buildCurveCharts([run('1', { epochs: epochs([0.1]) }), run('2', { repeat: 2, epochs: epochs([5]) })], {
      ...plain,
      combineRepeats: true,
      logLoss: true,
    });
    assert.deepEqual(wide.loss.data[2], [null]);
    assert.equal(accuracy.series.length, loss.series.length);
  });

  it('draws no series for no runs', () => {
    const { loss } = buildCurveCharts([], plain);
    assert.deepEqual(loss.data, [[]]);
    assert.deepEqual(loss.series, []);
  });

  it('charts the gradient noise scale, one line a run, only when a run measured it', () => {
    assert.equal(buildCurveCharts([run('12')], plain).noiseScale, null);
    const measured = epochs([2, 1]).map((epoch, i) => ({ ...epoch, noiseScale: i === 0 ? null : 310 }));
    const { noiseScale } = buildCurveCharts([run('12', { epochs: measured }), run('15')], plain);
    assert.deepEqual(
      noiseScale?.series.map((s) => [s.label, s.split]),
      [
        ['run 12 · b 8 · lr 0.1 · rep 1', 'train'],
        ['run 15 · b 8 · lr 0.1 · rep 1', 'train'],
      ],
    );
    assert.deepEqual(noiseScale?.data, [
      [1, 2],
      [null, 310],
      [null, null],
    ]);
    assert.deepEqual(noiseScale?.groups[0]?.last, { epoch: 2, train: 310, val: null });
  });
});

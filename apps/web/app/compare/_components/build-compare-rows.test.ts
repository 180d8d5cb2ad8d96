import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { RunOverview, SweepSettings } from '@/graphql';

import { buildCompareRows } from './build-compare-rows';

const sweep: SweepSettings = {
  id: '1',
  name: 'smoke',
  tags: [],
  notes: '',
  dataset: 'synthetic',
  preset: 'smoke',
  alpha: 0.35,
  inputSize: 32,
  batchNormMomentum: 0.9,
  epochs: 3,
  shuffleBuffer: 1000,
  seed: 42,
  repeats: 1,
  earlyStopPatience: null,
  pruner: null,
  pruneWarmupEpochs: 2,
  noiseScaleInterval: 20,
  trainLimit: 16,
  valLimit: 8,
  readOnly: false,
  createdBy: 'api',
  unstatedSettings: [],
  importedFrom: [],
};

function run(id: string, overrides: Partial<RunOverview> = {}): RunOverview {
  return {
    id,
    sweepId: '1',
    batchSize: 8,
    learningRate: 0.1,
    repeat: 1,
    seed: 42,
    status: 'SUCCEEDED',
    attempt: 1,
    backend: 'wasm',
    epochsDone: 3,
    latestEpoch: { epoch: 3, loss: 0.5, accuracy: 0.9, valLoss: 0.61234, valAccuracy: 0.8 },
    bestEpoch: { epoch: 2, valAccuracy: 0.85 },
    ...overrides,
  };
}

function rowOf(rows: ReturnType<typeof buildCompareRows>, key: string) {
  const row = rows.find((r) => r.key === key);
  assert.ok(row, `expected a row ${key}, got none`);
  return row;
}

describe('buildCompareRows', () => {
  it("lists each run's settings and results, and marks the rows whose values differ", () => {
    const rows = buildCompareRows([
      { runId: '12', run: run('12'), sweep },
      { runId: '15', run: run('15', { batchSize: 16, seed: 42 }), sweep },
    ]);
    assert.deepEqual(rowOf(rows, 'batchSize'), {
      key: 'batchSize',
      label: 'Batch size',
      group: 'settings',
      cells: [{ text: '8' }, { text: '16' }],
      differs: true,
    });
    assert.equal(rowOf(rows, 'seed').differs, false);
    assert.equal(rowOf(rows, 'dataset').differs, false);
    assert.deepEqual(rowOf(rows, 'sweep').cells[0], { text: 'smoke', href: '/sweeps/1' });
    assert.deepEqual(rowOf(rows, 'bestValAccuracy').cells[0], { text: '85.0% (epoch 2)' });
    assert.deepEqual(rowOf(rows, 'finalValLoss').cells[0], { text: '0.6123' });
  });

  it('compares values as shown, and only among runs that have one', () => {
    const rows = buildCompareRows([
      { runId: '1', run: run('1', { latestEpoch: null, bestEpoch: null }), sweep },
      { runId: '2', run: run('2'), sweep },
      { runId: '3', run: undefined, sweep: undefined },
      { runId: '4', run: null, sweep: null },
    ]);
    const final = rowOf(rows, 'finalValAccuracy');
    assert.deepEqual(
      final.cells.map((c) => c.text),
      ['–', '80.0%', '…', '–'],
    );
    assert.equal(final.differs, false);
  });

  it("shows each sweep's early stopping, pruning and noise-scale interval, and a stopped-early run's status in words", () => {
    const ruled: SweepSettings = { ...sweep, id: '2', earlyStopPatience: 3, pruner: 'median', pruneWarmupEpochs: 2, noiseScaleInterval: 0 };
    const rows = buildCompareRows([
      { runId: '1', run: run('1', { status: 'STOPPED_EARLY' }), sweep: ruled },
      { runId: '2', run: run('2'), sweep },
    ]);
    assert.deepEqual(rowOf(rows, 'earlyStopping').cells, [{ text: 'patience 3' }, { text: 'off' }]);
    assert.deepEqual(rowOf(rows, 'pruning').cells, [{ text: 'median after 2 warm-up epochs' }, { text: 'off' }]);
    assert.equal(rowOf(rows, 'pruning').differs, true);
    assert.deepEqual(rowOf(rows, 'noiseScale').cells, [{ text: 'off' }, { text: 'every 20th step from epoch 2' }]);
    assert.equal(rowOf(rows, 'status').cells[0]?.text, 'stopped early');
  });

  it("shows none of the settings an imported sweep's results never stated, nor the rules of training here", () => {
    const imported: SweepSettings = { ...sweep, id: '3', createdBy: 'import', unstatedSettings: ['alpha'], importedFrom: ['colab.csv'] };
    const rows = buildCompareRows([{ runId: '1', run: run('1'), sweep: imported }]);
    for (const key of ['alpha', 'earlyStopping', 'pruning', 'noiseScale']) assert.deepEqual(rowOf(rows, key).cells, [{ text: '–' }], key);
    assert.deepEqual(rowOf(rows, 'inputSize').cells, [{ text: '32×32 px' }]);
  });

  it("waits for a run's sweep before showing its settings", () => {
    const rows = buildCompareRows([{ runId: '1', run: run('1'), sweep: undefined }]);
    assert.equal(rowOf(rows, 'alpha').cells[0]?.text, '…');
    assert.equal(rowOf(rows, 'batchSize').cells[0]?.text, '8');
  });
});

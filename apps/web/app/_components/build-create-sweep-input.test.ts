import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildCreateSweepInput, EMPTY_NEW_SWEEP, type NewSweepValues } from './build-create-sweep-input';

function build(values: Partial<NewSweepValues>) {
  return buildCreateSweepInput({ ...EMPTY_NEW_SWEEP, ...values });
}

describe('buildCreateSweepInput', () => {
  it('sends only the preset when nothing is overridden', () => {
    assert.deepEqual(build({ preset: 'smoke' }), { ok: true, input: { preset: 'smoke' } });
  });

  it('sends typed numbers, trimmed text and the chosen data set', () => {
    const result = build({
      preset: 'smoke',
      name: '  tiny ',
      dataset: 'synthetic',
      cells: ' 8:0.1 ',
      repeats: '2',
      epochs: '1',
      alpha: '0.35',
      inputSize: '32',
      batchNormMomentum: '0.9',
      divergenceFactor: '100',
      noiseScaleInterval: '5',
      shuffleBuffer: '64',
      seed: '7',
      trainLimit: '16',
      valLimit: '8',
    });
    assert.deepEqual(result, {
      ok: true,
      input: {
        preset: 'smoke',
        name: 'tiny',
        dataset: 'synthetic',
        cells: '8:0.1',
        repeats: 2,
        epochs: 1,
        alpha: 0.35,
        inputSize: 32,
        batchNormMomentum: 0.9,
        divergenceFactor: 100,
        noiseScaleInterval: 5,
        shuffleBuffer: 64,
        seed: 7,
        trainLimit: 16,
        valLimit: 8,
      },
    });
  });

  it('sends a grid as lists of numbers and leaves the cell list out', () => {
    const result = build({ cellsMode: 'grid', cells: '8:0.1', batchSizes: '16, 32', learningRates: '0.01,0.1' });
    assert.deepEqual(result, { ok: true, input: { preset: 'quick', batchSizes: [16, 32], learningRates: [0.01, 0.1] } });
  });

  it('sends a limit of all as null, lifting the preset limit', () => {
    assert.deepEqual(build({ trainLimit: 'all' }), { ok: true, input: { preset: 'quick', trainLimit: null } });
  });

  it('sends a data folder only for the images data set', () => {
    assert.deepEqual(build({ dataset: 'images', dataDir: '/data/flowers' }), {
      ok: true,
      input: { preset: 'quick', dataset: 'images', dataDir: '/data/flowers' },
    });
    assert.deepEqual(build({ dataset: 'synthetic', dataDir: '/data/flowers' }), { ok: true, input: { preset: 'quick', dataset: 'synthetic' } });
  });

  it('leaves range checks to the API: zero epochs is sent as it is', () => {
    assert.deepEqual(build({ epochs: '0' }), { ok: true, input: { preset: 'quick', epochs: 0 } });
  });

  it('sends early stopping and the median pruner with its warm-up as typed', () => {
    assert.deepEqual(build({ earlyStopPatience: ' 3 ', pruner: 'median', pruneWarmupEpochs: '0' }), {
      ok: true,
      input: { preset: 'quick', earlyStopPatience: 3, pruner: 'median', pruneWarmupEpochs: 0 },
    });
  });

  it('leaves the stopping rules out when their fields are empty, so both stay off', () => {
    const result = build({ earlyStopPatience: '', pruner: '', pruneWarmupEpochs: '' });
    assert.deepEqual(result, { ok: true, input: { preset: 'quick' } });
  });

  it('leaves the patience and warm-up range checks to the API, and refuses a fraction at its field', () => {
    assert.deepEqual(build({ earlyStopPatience: '0' }), { ok: true, input: { preset: 'quick', earlyStopPatience: 0 } });
    const result = build({ earlyStopPatience: '2.5', pruneWarmupEpochs: 'two' });
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(result.ok ? {} : result.errors).sort(), ['earlyStopPatience', 'pruneWarmupEpochs']);
  });

  it('refuses, at their fields, values a request could not carry', () => {
    const result = build({ epochs: '1.5', alpha: 'wide', seed: '99999999999', cellsMode: 'grid', batchSizes: '8,x' });
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(result.ok ? {} : result.errors).sort(), ['alpha', 'batchSizes', 'epochs', 'seed']);
    assert.match(result.ok ? '' : (result.errors.epochs ?? ''), /whole number.*"1\.5"/);
  });
});

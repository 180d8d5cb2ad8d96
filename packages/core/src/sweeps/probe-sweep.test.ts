import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '../errors/sweepscope-error.js';
import { probeEpochs, probeNoiseScaleInterval, probeSweep } from './probe-sweep.js';

describe('probeSweep', () => {
  it("trains the sweep's middle batch size at its middle learning rate once, for the probe's epochs, measuring every other step", () => {
    const probe = probeSweep({ name: 'lr study', batchSizes: [128, 16, 64, 32], learningRates: [1, 0.01, 0.1], repeats: 3, tags: ['fig-3'], notes: 'mine' });
    // Batch sizes 16, 32, 64, 128: the lower middle is 32; its rates 0.01, 0.1, 1 (in any order given): the middle is 0.1.
    assert.deepEqual(probe.cell, { batchSize: 32, learningRate: 0.1 });
    assert.deepEqual([probe.settings.tags, probe.settings.notes], [[], '']);
    assert.deepEqual(probe.settings.cells, [probe.cell]);
    assert.equal(probe.settings.repeats, 1);
    assert.equal(probe.settings.epochs, probeEpochs);
    assert.equal(probe.settings.noiseScaleInterval, probeNoiseScaleInterval);
    assert.equal(probe.settings.name, 'Probe of lr study');
    assert.equal(probe.input.batchSizes, undefined);
  });

  it('keeps the settings the sweep asked for, and the epochs and interval when it names them', () => {
    const probe = probeSweep({ preset: 'smoke', cells: '8:0.1', epochs: 5, noiseScaleInterval: 4, seed: 7, trainLimit: 24 });
    assert.equal(probe.settings.preset, 'smoke');
    assert.equal(probe.settings.epochs, 5);
    assert.equal(probe.settings.noiseScaleInterval, 4);
    assert.equal(probe.settings.seed, 7);
    assert.equal(probe.settings.trainLimit, 24);
  });

  it('refuses what the sweep would be refused for, a single epoch and no measuring, naming the field as the caller calls it', () => {
    const refused = (input: Parameters<typeof probeSweep>[0], pattern: RegExp): void => {
      assert.throws(
        () => probeSweep(input, { fieldName: (field) => `--${field}` }),
        (error: unknown) => error instanceof SweepscopeError && error.code === ErrorCode.BadUserInput && pattern.test(error.message),
      );
    };
    refused({ epochs: 1 }, /^--epochs is 1: expected at least 2 for a probe/);
    refused({ noiseScaleInterval: 0 }, /^--noiseScaleInterval is 0: expected at least 1 for a probe/);
    refused({ cells: '64:abc' }, /^--cells/);
    refused({ preset: 'smoke', cells: '64:0.1' }, /more than the 32 training images/);
  });
});

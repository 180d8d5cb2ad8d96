import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { PlannedSweep } from '@/graphql';

import { buildCreateSweepInput } from './build-create-sweep-input';
import { newSweepFromPlan } from './new-sweep-from-plan';

const probe: PlannedSweep = {
  id: '7',
  name: 'Probe of batch study',
  tags: [],
  notes: '',
  dataset: 'synthetic',
  preset: 'smoke',
  alpha: 0.35,
  inputSize: 32,
  batchNormMomentum: 0.9,
  epochs: 3,
  shuffleBuffer: 64,
  seed: 42,
  repeats: 1,
  earlyStopPatience: null,
  pruner: null,
  pruneWarmupEpochs: 2,
  noiseScaleInterval: 2,
  trainLimit: 256,
  valLimit: null,
  readOnly: false,
  createdBy: 'plan',
  unstatedSettings: [],
  importedFrom: [],
  dataDir: null,
  divergenceFactor: 10,
  plan: {
    state: 'READY',
    criticalBatchSize: 40.2,
    epoch: 3,
    maxLearningRate: 0.16,
    cells: [
      { batchSize: 8, learningRate: 0.01 },
      { batchSize: 8, learningRate: 0.032 },
    ],
    cellsText: '8:0.01,8:0.032',
    summary: 'The probe measured a critical batch size of 40 images (epoch 3); the grid is built around it.',
  },
};

describe('newSweepFromPlan', () => {
  it("fills the proposed cells and the probe's settings, leaving epochs, repeats and the noise-scale interval to the preset", () => {
    const values = newSweepFromPlan(probe);
    assert.ok(values);
    assert.deepEqual(buildCreateSweepInput(values), {
      ok: true,
      input: {
        preset: 'smoke',
        dataset: 'synthetic',
        cells: '8:0.01,8:0.032',
        alpha: 0.35,
        inputSize: 32,
        batchNormMomentum: 0.9,
        divergenceFactor: 10,
        pruneWarmupEpochs: 2,
        shuffleBuffer: 64,
        seed: 42,
        trainLimit: 256,
        valLimit: null,
      },
    });
  });

  it('offers nothing while the plan has no cells', () => {
    assert.equal(newSweepFromPlan({ ...probe, plan: { ...probe.plan!, state: 'MEASURING', cells: [], cellsText: null } }), null);
    assert.equal(newSweepFromPlan({ ...probe, plan: null }), null);
  });
});

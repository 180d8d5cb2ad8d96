import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '../errors/sweepscope-error.js';
import { validateSweepInput, type SweepInput, type ValidateSweepInputOptions } from './validate-sweep-input.js';

/** The error validateSweepInput throws for this input; fails the test when it throws none. */
function refusal(input: SweepInput, options?: ValidateSweepInputOptions): SweepscopeError {
  try {
    validateSweepInput(input, options);
  } catch (error) {
    assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
    assert.equal(error.code, ErrorCode.BadUserInput);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(input)} to be refused`);
}

const kebabFlag = (field: string): string => `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

describe('validateSweepInput', () => {
  it('starts from the quick preset when none is named, with the five reference cells', () => {
    assert.deepEqual(validateSweepInput({}), {
      name: 'fashion-mnist 128:0.1 128:0.001 32:0.1 32:0.001 64:0.01',
      tags: [],
      notes: '',
      preset: 'quick',
      dataset: 'fashion-mnist',
      dataDir: null,
      weights: null,
      cells: [
        { batchSize: 128, learningRate: 0.1 },
        { batchSize: 128, learningRate: 0.001 },
        { batchSize: 32, learningRate: 0.1 },
        { batchSize: 32, learningRate: 0.001 },
        { batchSize: 64, learningRate: 0.01 },
      ],
      repeats: 1,
      epochs: 10,
      alpha: 0.35,
      inputSize: 32,
      batchNormMomentum: 0.9,
      divergenceFactor: 10,
      earlyStopPatience: null,
      pruner: null,
      pruneWarmupEpochs: 2,
      noiseScaleInterval: 20,
      shuffleBuffer: 1000,
      seed: 42,
      trainLimit: 2000,
      valLimit: 1000,
    });
  });

  it("takes the seed preset as the reference protocol: α 1.0, 224×224, Keras' batch norm, 50 epochs, all the data", () => {
    const { alpha, inputSize, batchNormMomentum, epochs, shuffleBuffer, trainLimit, valLimit, cells } = validateSweepInput({ preset: 'seed' });
    assert.deepEqual(
      { alpha, inputSize, batchNormMomentum, epochs, shuffleBuffer, trainLimit, valLimit },
      {
        alpha: 1,
        inputSize: 224,
        batchNormMomentum: 0.999,
        epochs: 50,
        shuffleBuffer: 1000,
        trainLimit: null,
        valLimit: null,
      },
    );
    assert.equal(cells.length, 5);
  });

  it('lets every explicit setting override the preset, and null lift a preset’s limit', () => {
    const settings = validateSweepInput({ preset: 'seed', alpha: 0.5, epochs: 3, cells: '16:0.1', trainLimit: null, valLimit: 100 });
    assert.equal(settings.alpha, 0.5);
    assert.equal(settings.epochs, 3);
    assert.equal(settings.inputSize, 224);
    assert.deepEqual(settings.cells, [{ batchSize: 16, learningRate: 0.1 }]);
    assert.equal(settings.trainLimit, null);
    assert.equal(settings.valLimit, 100);
    assert.equal(validateSweepInput({ trainLimit: null }).trainLimit, null);
  });

  it('makes a full grid of every batch size with every learning rate, batch sizes outer', () => {
    const { cells, name } = validateSweepInput({ preset: 'smoke', batchSizes: '16, 32', learningRates: [0.1, 1], repeats: 3 });
    assert.deepEqual(cells, [
      { batchSize: 16, learningRate: 0.1 },
      { batchSize: 16, learningRate: 1 },
      { batchSize: 32, learningRate: 0.1 },
      { batchSize: 32, learningRate: 1 },
    ]);
    assert.equal(name, 'synthetic 16:0.1 16:1 32:0.1 32:1 ×3');
  });

  it('keeps every setting it is given, trimming the words', () => {
    const settings = {
      name: 'mine',
      tags: ['baseline', 'fig 3'],
      notes: 'first try\nwith BN 0.9',
      preset: 'smoke',
      dataset: 'images',
      dataDir: '/data/flowers',
      weights: 'https://example.org/mobilenet/model.json',
      cells: [{ batchSize: 8, learningRate: 0.5 }],
      repeats: 2,
      epochs: 3,
      alpha: 1,
      inputSize: 96,
      batchNormMomentum: 0,
      divergenceFactor: 100,
      earlyStopPatience: 3,
      pruner: 'median',
      pruneWarmupEpochs: 0,
      noiseScaleInterval: 0,
      shuffleBuffer: 10,
      seed: 0,
      trainLimit: 100,
      valLimit: 20,
    };
    assert.deepEqual(validateSweepInput({ ...settings, name: '  mine  ', tags: 'baseline, fig 3', dataDir: ' /data/flowers ' }), settings);
  });

  it('refuses a batch size larger than the training set once its size is known', () => {
    assert.equal(
      refusal({ preset: 'smoke', cells: '8:0.1,64:0.1' }, { trainCount: 32 }).message,
      'cells has batch size 64, more than the 32 training images: expected batch sizes of at most 32, or more training images (trainLimit).',
    );
    assert.deepEqual(refusal({ batchSizes: '8,64', learningRates: '0.1' }, { trainCount: 32 }).field, ['batchSizes']);
    assert.equal(validateSweepInput({ preset: 'smoke', cells: '32:0.1' }, { trainCount: 32 }).cells.length, 1);
  });

  it('refuses it from the settings alone when the data set’s size is known by its name, as the API must', () => {
    // The smoke preset's synthetic set has 32 training images; the quick preset's Fashion-MNIST 2,000.
    assert.equal(
      refusal({ preset: 'smoke', cells: '64:0.1' }).message,
      'cells has batch size 64, more than the 32 training images: expected batch sizes of at most 32, or more training images (trainLimit).',
    );
    assert.match(refusal({ cells: '4096:0.1' }).message, /more than the 2000 training images/);
    assert.match(
      refusal({ cells: '65536:0.1', trainLimit: null }, { fieldName: kebabFlag }).message,
      /^--cells has batch size 65536, more than the 60000 training images: .*\(--train-limit\)\.$/,
    );
    // An image folder's size is known only once read, but never exceeds its limit; results
    // trained elsewhere are not checked.
    assert.equal(validateSweepInput({ preset: 'smoke', dataset: 'images', dataDir: '/data', cells: '4096:0.1', trainLimit: null }).cells.length, 1);
    assert.match(
      refusal({ preset: 'smoke', dataset: 'images', dataDir: '/data', cells: '4096:0.1', trainLimit: 32 }).message,
      /more than the 32 training images/,
    );
    assert.equal(validateSweepInput({ preset: 'smoke', dataset: 'cifar', cells: '4096:0.1' }, { trainedHere: false }).cells.length, 1);
  });

  it('refuses each bad setting with a sentence naming the field, the value and what is accepted', () => {
    const cases: [SweepInput, string][] = [
      [{ cells: '32:abc' }, 'cells has learning rate "abc" in "32:abc": expected a number greater than 0 and at most 3.4e38, e.g. 0.01 or 1e-3.'],
      [{ cells: '' }, 'cells is empty: expected batchSize:learningRate pairs separated by commas, e.g. "32:0.1,128:0.001".'],
      [{ cells: '8:0.1', dataset: 'cifar' }, 'dataset is "cifar": expected one of synthetic, fashion-mnist, images.'],
      [{ preset: 'fast' }, 'preset is "fast": expected one of seed, quick, smoke.'],
      [{ dataset: 'images' }, 'dataDir is missing: expected the path of the image folder when dataset is images.'],
      [
        { preset: 'smoke', dataDir: '/tmp' },
        'dataDir is "/tmp": expected no folder: the synthetic set is generated, not read (use dataset images for a folder).',
      ],
      [{ repeats: 0 }, 'repeats is 0: expected a whole number from 1 to 100.'],
      [{ batchSizes: '16,32' }, 'learningRates is missing: expected learning rates to go with batchSizes, e.g. 0.001,0.01,0.1,1.'],
      [{ batchSizes: '16,x', learningRates: '0.1' }, 'batchSizes has batch size "x": expected a whole number of at least 1.'],
      [
        { batchSizes: '16', learningRates: '0.1,-1' },
        'learningRates has learning rate "-1": expected a number greater than 0 and at most 3.4e38, e.g. 0.01 or 1e-3.',
      ],
      [{ batchSizes: '16,16', learningRates: '0.1' }, 'batchSizes lists 16 twice: give each value once.'],
      [
        { cells: '8:0.1', batchSizes: '16', learningRates: '0.1' },
        'cells is given with a grid: expected either cells or batchSizes with learningRates, not both.',
      ],
      [{ cells: '8:0.1', epochs: 0 }, 'epochs is 0: expected a whole number from 1 to 10000.'],
      [{ cells: '8:0.1', alpha: 5 }, 'alpha is 5: expected a width multiplier greater than 0 and at most 4, e.g. 0.35 or 1.0.'],
      [{ cells: '8:0.1', inputSize: 16 }, 'inputSize is 16: expected a whole number from 32 to 1024.'],
      [
        { cells: '8:0.1', batchNormMomentum: 1 },
        "batchNormMomentum is 1: expected a number from 0 up to but not including 1, e.g. 0.9 (PyTorch's default) or 0.999 (Keras' MobileNetV2).",
      ],
      [
        { cells: '8:0.1', batchNormMomentum: -0.1 },
        "batchNormMomentum is -0.1: expected a number from 0 up to but not including 1, e.g. 0.9 (PyTorch's default) or 0.999 (Keras' MobileNetV2).",
      ],
      [
        { cells: '8:0.1', divergenceFactor: 1.5 },
        'divergenceFactor is 1.5: expected a number from 2 to 1e12, e.g. 10 (the default); below 2, a run still near a uniform guess would count as diverged.',
      ],
      [{ cells: '8:0.1', trainLimit: 2.5 }, 'trainLimit is 2.5: expected a whole number from 1 to 10000000.'],
      [{ cells: '8:0.1', earlyStopPatience: 0 }, 'earlyStopPatience is 0: expected a whole number from 1 to 10000.'],
      [{ cells: '8:0.1', pruner: 'mean' }, 'pruner is "mean": expected one of median, or none.'],
      [{ cells: '8:0.1', pruneWarmupEpochs: -1 }, 'pruneWarmupEpochs is -1: expected a whole number from 0 to 10000.'],
      [{ cells: '8:0.1', noiseScaleInterval: 1.5 }, 'noiseScaleInterval is 1.5: expected a whole number from 0 to 1000000.'],
      [{ cells: '8:1e300' }, 'cells has learning rate "1e300" in "8:1e300": expected a number greater than 0 and at most 3.4e38, e.g. 0.01 or 1e-3.'],
      [{ cells: '8:0.1', name: 'n'.repeat(201) }, 'name is 201 characters long: expected at most 200 characters.'],
      [{ cells: '8:0.1', dataset: 'images', dataDir: `/${'d'.repeat(4096)}` }, 'dataDir is 4,097 characters long: expected at most 4,096 characters.'],
      [{ cells: '8:0.1', weights: `https://${'w'.repeat(5000)}` }, 'weights is 5,008 characters long: expected at most 4,096 characters.'],
      [
        {
          preset: 'smoke',
          batchSizes: '1,2,3,4,5,6,7,8,9,10,11',
          learningRates: Array.from({ length: 10 }, (_, i) => String((i + 1) / 100)).join(','),
          repeats: 100,
        },
        'batchSizes makes 11,000 runs (110 cells × 100 repeats): expected at most 10,000 runs in one sweep.',
      ],
    ];
    for (const [input, message] of cases) {
      const error = refusal(input);
      assert.equal(error.message, message);
      assert.deepEqual(error.field, [message.split(' ')[0]]);
    }
  });

  it('checks cells that arrive already parsed by the same rules as cells given as text', () => {
    assert.equal(refusal({ cells: [{ batchSize: 32, learningRate: 0 }] }).message, refusal({ cells: '32:0' }).message);
    assert.match(refusal({ cells: [{ batchSize: 2.5, learningRate: 0.1 }] }).message, /^cells has batch size "2\.5"/);
    assert.match(refusal({ cells: [] }).message, /^cells is empty/);
    assert.match(refusal({ batchSizes: [], learningRates: [0.1] }).message, /^batchSizes is empty/);
  });

  it('takes any data set name for results trained elsewhere, and asks no data folder of it', () => {
    const imported = { trainedHere: false };
    assert.equal(validateSweepInput({ cells: '8:0.1', dataset: '  tf_flowers ' }, imported).dataset, 'tf_flowers');
    assert.equal(validateSweepInput({ cells: '8:0.1', dataset: 'images' }, imported).dataDir, null);
    assert.equal(refusal({ cells: '8:0.1', dataset: ' ' }, imported).message, 'dataset is "": expected the data set\'s name, from 1 to 200 characters.');
    assert.equal(refusal({ cells: '8:0.1', dataset: 'cifar' }).message, 'dataset is "cifar": expected one of synthetic, fashion-mnist, images.');
  });

  it('refuses a batch size too large to store rather than failing in the database', () => {
    assert.equal(refusal({ cells: `${2 ** 31}:0.1` }).message, 'cells has batch size 2147483648: expected a batch size from 1 to 10000000.');
  });

  it('changes only the field name when given fieldName, in the message and in field', () => {
    for (const input of [{ cells: '8:0.1', inputSize: 16 }, { cells: '8:0.1', shuffleBuffer: 0 }, { cells: '32:abc' }, { cells: '8:0.1', dataset: 'cifar' }]) {
      const plain = refusal(input);
      const renamed = refusal(input, { fieldName: kebabFlag });
      const [field = ''] = plain.field ?? [];
      assert.equal(renamed.message, plain.message.replace(field, kebabFlag(field)));
      assert.deepEqual(renamed.field, [kebabFlag(field)]);
    }
    assert.match(refusal({ cells: '8:0.1', inputSize: 16 }, { fieldName: kebabFlag }).message, /^--input-size is 16: /);
  });
});

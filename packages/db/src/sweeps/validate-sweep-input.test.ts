import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '../errors/index.js';
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
  it('fills in the defaults and names the sweep after its data set and cells', () => {
    assert.deepEqual(validateSweepInput({ cells: '32:0.1, 128:1e-3' }), {
      name: 'synthetic 32:0.1 128:0.001',
      dataset: 'synthetic',
      cells: [
        { batchSize: 32, learningRate: 0.1 },
        { batchSize: 128, learningRate: 0.001 },
      ],
      epochs: 2,
      alpha: 0.35,
      inputSize: 32,
      shuffleBuffer: 1000,
      seed: 42,
      trainLimit: null,
      valLimit: null,
    });
  });

  it('keeps every setting it is given', () => {
    const settings = validateSweepInput({
      name: '  mine  ',
      dataset: 'fashion-mnist',
      cells: [{ batchSize: 8, learningRate: 0.5 }],
      epochs: 3,
      alpha: 1,
      inputSize: 96,
      shuffleBuffer: 10,
      seed: 0,
      trainLimit: 100,
      valLimit: 20,
    });
    assert.deepEqual(settings, {
      name: 'mine',
      dataset: 'fashion-mnist',
      cells: [{ batchSize: 8, learningRate: 0.5 }],
      epochs: 3,
      alpha: 1,
      inputSize: 96,
      shuffleBuffer: 10,
      seed: 0,
      trainLimit: 100,
      valLimit: 20,
    });
  });

  it('refuses each bad setting with a sentence naming the field, the value and what is accepted', () => {
    const cases: [SweepInput, string][] = [
      [{ cells: '32:abc' }, 'cells has learning rate "abc" in "32:abc": expected a number greater than 0, e.g. 0.01 or 1e-3.'],
      [{ cells: '' }, 'cells is empty: expected batchSize:learningRate pairs separated by commas, e.g. "32:0.1,128:0.001".'],
      [{ cells: '8:0.1', dataset: 'cifar' }, 'dataset is "cifar": expected one of synthetic, fashion-mnist.'],
      [{ cells: '8:0.1', epochs: 0 }, 'epochs is 0: expected a whole number from 1 to 10000.'],
      [{ cells: '8:0.1', alpha: 5 }, 'alpha is 5: expected a width multiplier greater than 0 and at most 4, e.g. 0.35 or 1.0.'],
      [{ cells: '8:0.1', inputSize: 16 }, 'inputSize is 16: expected a whole number from 32 to 1024.'],
      [{ cells: '8:0.1', trainLimit: 2.5 }, 'trainLimit is 2.5: expected a whole number from 1 to 10000000.'],
    ];
    for (const [input, message] of cases) {
      const error = refusal(input);
      assert.equal(error.message, message);
      assert.deepEqual(error.field, [message.split(' ')[0]]);
    }
  });

  it('checks cells that arrive already parsed by the same rules as cells given as text', () => {
    assert.equal(
      refusal({ cells: [{ batchSize: 32, learningRate: 0 }] }).message,
      refusal({ cells: '32:0' }).message,
    );
    assert.match(refusal({ cells: [{ batchSize: 2.5, learningRate: 0.1 }] }).message, /^cells has batch size "2\.5"/);
    assert.match(refusal({ cells: [] }).message, /^cells is empty/);
  });

  it('refuses a batch size too large to store rather than failing in the database', () => {
    assert.equal(
      refusal({ cells: `${2 ** 31}:0.1` }).message,
      'cells has batch size 2147483648: expected a batch size from 1 to 10000000.',
    );
  });

  it('changes only the field name when given fieldName, in the message and in field', () => {
    for (const input of [
      { cells: '8:0.1', inputSize: 16 },
      { cells: '8:0.1', shuffleBuffer: 0 },
      { cells: '32:abc' },
      { cells: '8:0.1', dataset: 'cifar' },
    ]) {
      const plain = refusal(input);
      const renamed = refusal(input, { fieldName: kebabFlag });
      const [field = ''] = plain.field ?? [];
      assert.equal(renamed.message, plain.message.replace(field, kebabFlag(field)));
      assert.deepEqual(renamed.field, [kebabFlag(field)]);
    }
    assert.match(refusal({ cells: '8:0.1', inputSize: 16 }, { fieldName: kebabFlag }).message, /^--input-size is 16: /);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { flagForField, parseTrainArgs, usage } from './parse-train-args.js';

/** Asserts the command line is refused as BAD_USER_INPUT with a message matching `message`. */
function assertRefused(argv: string[], message: RegExp, field?: string): void {
  assert.throws(
    () => parseTrainArgs(argv),
    (error: unknown) => {
      assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
      assert.equal(error.code, ErrorCode.BadUserInput);
      assert.match(error.message, message);
      if (field !== undefined) assert.deepEqual(error.field, [field]);
      return true;
    },
  );
}

describe('parseTrainArgs', () => {
  it('reads a full command line into the sweep the API would take', () => {
    const argv = [
      '--cells',
      '32:0.1,128:0.001',
      '--epochs',
      '3',
      '--dataset',
      'fashion-mnist',
      '--alpha',
      '0.5',
      '--input-size',
      '64',
      '--batch-norm-momentum',
      '0.99',
      '--train-limit',
      '100',
      '--val-limit',
      '20',
      '--shuffle-buffer',
      '50',
      '--seed=7',
      '--name',
      'lr study',
      '--tags',
      'baseline,fig-3',
      '--notes',
      'BN 0.99',
      '--backend',
      'cpu',
      '--preset',
      'smoke',
      '--repeats',
      '3',
      '--data-dir',
      '/data/fmnist',
      '--weights',
      'https://example.org/model.json',
      '--json',
    ];
    assert.deepEqual(parseTrainArgs(argv), {
      kind: 'train',
      backend: 'cpu',
      json: true,
      sweep: {
        preset: 'smoke',
        repeats: 3,
        dataDir: '/data/fmnist',
        weights: 'https://example.org/model.json',
        cells: '32:0.1,128:0.001',
        epochs: 3,
        dataset: 'fashion-mnist',
        alpha: 0.5,
        inputSize: 64,
        batchNormMomentum: 0.99,
        trainLimit: 100,
        valLimit: 20,
        shuffleBuffer: 50,
        seed: 7,
        name: 'lr study',
        tags: 'baseline,fig-3',
        notes: 'BN 0.99',
      },
    });
  });

  it('leaves out what was not given, so the shared validation applies its defaults', () => {
    assert.deepEqual(parseTrainArgs([]), { kind: 'train', backend: 'auto', json: false, sweep: {} });
  });

  it('reads a grid, and all for a limit the preset sets', () => {
    assert.deepEqual(parseTrainArgs(['--batch-sizes', '16,32,64,128', '--learning-rates', '0.001,0.01,0.1,1', '--train-limit', 'all']), {
      kind: 'train',
      backend: 'auto',
      json: false,
      sweep: { batchSizes: '16,32,64,128', learningRates: '0.001,0.01,0.1,1', trainLimit: null },
    });
    assertRefused(['--val-limit', 'most'], /^--val-limit "most" is not valid: expected a whole number, or all\.$/, '--val-limit');
  });

  it('reads the worker subcommand, its sweep, the number of workers and --help', () => {
    assert.deepEqual(parseTrainArgs(['worker', '--backend', 'cpu']), { kind: 'worker', backend: 'cpu' });
    assert.deepEqual(parseTrainArgs(['worker', '--sweep', '12']), { kind: 'worker', backend: 'auto', sweepId: 12 });
    assert.deepEqual(parseTrainArgs(['--workers', '3']), { kind: 'train', sweep: {}, backend: 'auto', json: false, workers: 3 });
    assert.deepEqual(parseTrainArgs(['--help']), { kind: 'help' });
    assert.deepEqual(parseTrainArgs(['-h']), { kind: 'help' });
  });

  it('refuses a worker count below 1, a sweep flag for a worker, and --sweep without worker', () => {
    assertRefused(['--workers', '0'], /^--workers "0" is not valid: expected a whole number of at least 1\.$/, '--workers');
    assertRefused(['worker', '--epochs', '3'], /^--epochs does not go with worker: a worker takes only --backend and --sweep/, '--epochs');
    assertRefused(['--sweep', '3'], /^--sweep goes with the worker subcommand/, '--sweep');
  });

  it('refuses an unknown flag and lists the flags there are', () => {
    assertRefused(
      ['--cells', '8:0.1', '--bogus'],
      /^Unknown flag --bogus: the flags are --preset, --cells, .*, --backend, --workers, --sweep, --json\. Run with --help for what each takes\.$/,
      '--bogus',
    );
    assertRefused(['-x'], /^Unknown flag -x: /, '-x');
  });

  it('refuses a flag given without its value and shows the form it takes', () => {
    assertRefused(['--cells', '8:0.1', '--epochs'], /^--epochs is given without a value: expected --epochs N\.$/, '--epochs');
    assertRefused(['--epochs', '--cells', '8:0.1'], /^--epochs is given without a value: expected --epochs N\.$/, '--epochs');
    assertRefused(['--cells'], /^--cells is given without a value: expected --cells BATCH:LR/, '--cells');
  });

  it('refuses a value that starts with a dash unless written with =', () => {
    assertRefused(['--cells', '8:0.1', '--seed', '-1'], /^--seed -1 reads as two flags: .*--seed=-1/, '--seed');
    assert.deepEqual(parseTrainArgs(['--cells', '8:0.1', '--seed=-1']), {
      kind: 'train',
      backend: 'auto',
      json: false,
      sweep: { cells: '8:0.1', seed: -1 },
    });
  });

  it('refuses a value on --help', () => assertRefused(['--help=yes'], /^--help takes no value\.$/, '--help'));

  it('refuses numbers that are not numbers, naming the flag', () => {
    assertRefused(['--cells', '8:0.1', '--epochs', 'two'], /^--epochs "two" is not valid: expected a whole number\.$/, '--epochs');
    assertRefused(['--cells', '8:0.1', '--epochs', '1.5'], /^--epochs "1\.5" is not valid: expected a whole number\.$/, '--epochs');
    assertRefused(['--cells', '8:0.1', '--alpha', 'abc'], /^--alpha "abc" is not valid: expected a number\.$/, '--alpha');
    assertRefused(['--cells', '8:0.1', '--input-size='], /^--input-size "" is not valid/, '--input-size');
  });

  it('refuses an unknown backend and lists the backends', () => {
    assertRefused(
      ['--cells', '8:0.1', '--backend', 'gpu'],
      /^--backend "gpu" is not valid: expected one of auto, node-gpu, node, webgpu, wasm, cpu\.$/,
      '--backend',
    );
  });

  it('refuses a stray argument, such as the second half of an unquoted list', () => {
    assertRefused(['--cells', '32:0.1,', '64:0.1'], /^Unexpected argument "64:0\.1": .*quote a value that has spaces/);
    assertRefused(['worker', 'now'], /^Unexpected argument "now"/);
    assertRefused(['plan', 'now'], /^Unexpected argument "now"/);
  });

  it('reads the plan subcommand with the sweep settings its probe trains with, and refuses --workers', () => {
    assert.deepEqual(parseTrainArgs(['plan', '--preset', 'smoke', '--cells', '16:0.05', '--epochs', '4', '--noise-scale-interval', '3', '--json']), {
      kind: 'plan',
      sweep: { preset: 'smoke', cells: '16:0.05', epochs: 4, noiseScaleInterval: 3 },
      backend: 'auto',
      json: true,
    });
    assertRefused(['plan', '--workers', '2'], /^--workers does not go with plan/);
  });
});

describe('flagForField', () => {
  it('names each sweep setting by the flag that sets it', () => {
    assert.deepEqual(['cells', 'epochs', 'inputSize', 'shuffleBuffer', 'trainLimit', 'valLimit', 'batchSizes', 'learningRates', 'dataDir'].map(flagForField), [
      '--cells',
      '--epochs',
      '--input-size',
      '--shuffle-buffer',
      '--train-limit',
      '--val-limit',
      '--batch-sizes',
      '--learning-rates',
      '--data-dir',
    ]);
  });
});

describe('parseTrainArgs import', () => {
  it('reads the file, the sweep to add to and a new sweep’s settings, guessing the format from the extension', () => {
    assert.deepEqual(parseTrainArgs(['import', 'runs.CSV', '--sweep', '12']), { kind: 'import', file: 'runs.CSV', format: 'csv', sweep: {}, sweepId: 12 });
    assert.deepEqual(parseTrainArgs(['import', 'epochs.json', '--name', 'colab', '--dataset', 'tf_flowers', '--alpha', '0.5', '--train-limit', 'all']), {
      kind: 'import',
      file: 'epochs.json',
      format: 'json',
      sweep: { name: 'colab', dataset: 'tf_flowers', alpha: 0.5, trainLimit: null },
    });
  });

  it('takes a .json given with its batch size and learning rate as a Keras history, and --format over the extension', () => {
    assert.deepEqual(parseTrainArgs(['import', 'history.json', '--batch-size', '32', '--learning-rate', '1e-3']), {
      kind: 'import',
      file: 'history.json',
      format: 'keras-history',
      sweep: {},
      batchSize: 32,
      learningRate: 0.001,
    });
    assert.deepEqual(parseTrainArgs(['import', 'results.txt', '--format', 'csv']), { kind: 'import', file: 'results.txt', format: 'csv', sweep: {} });
  });

  it('takes the data set’s classes and validation images, which place chance, and refuses them without import or below their least', () => {
    assert.deepEqual(parseTrainArgs(['import', 'a.csv', '--classes', '10', '--val-images', '1000']), {
      kind: 'import',
      file: 'a.csv',
      format: 'csv',
      sweep: { classes: 10, valImages: 1000 },
    });
    assertRefused(['import', 'a.csv', '--classes', '1'], /^--classes "1" is not valid: expected a whole number of at least 2\.$/, '--classes');
    assertRefused(['--classes', '10'], /^--classes goes with the import subcommand/, '--classes');
  });

  it('refuses an import without a file, a file whose form cannot be told, and an unknown format', () => {
    assertRefused(['import'], /^import is given without a file: expected sweepscope-train import FILE/);
    assertRefused(
      ['import', 'results.txt'],
      /^import cannot tell the form of "results\.txt" from its extension: expected --format csv\|json\|keras-history, or a file ending in \.csv or \.json\.$/,
      '--format',
    );
    assertRefused(['import', 'a.csv', '--format', 'xml'], /^--format "xml" is not valid: expected one of csv, json, keras-history\.$/, '--format');
    assertRefused(['import', 'a.csv', 'b.csv'], /^Unexpected argument "b\.csv"/);
  });

  it('refuses training flags with import, and import flags without it', () => {
    assertRefused(
      ['import', 'a.csv', '--epochs', '3'],
      /^--epochs does not go with import: the results were trained elsewhere; import takes --preset, /,
      '--epochs',
    );
    assertRefused(['import', 'a.csv', '--backend', 'cpu'], /^--backend does not go with import/, '--backend');
    assertRefused(
      ['--format', 'csv'],
      /^--format goes with the import subcommand: sweepscope-train import FILE --format csv\|json\|keras-history\.$/,
      '--format',
    );
    assertRefused(['--batch-size', '8'], /^--batch-size goes with the import subcommand/, '--batch-size');
    assertRefused(['import', 'h.json', '--batch-size', 'eight'], /^--batch-size "eight" is not valid: expected a whole number\.$/, '--batch-size');
    assertRefused(['import', 'a.csv', '--sweep', '0'], /^--sweep "0" is not valid: expected a whole number from 1 to 2147483647\.$/, '--sweep');
  });

  it('keeps every option apart from its help in the usage text, the longest included', () => {
    const options = usage.split('\n').filter((line) => line.startsWith('  --'));
    assert.ok(options.some((line) => line.startsWith('  --backend auto|node-gpu|node|webgpu|wasm|cpu  TensorFlow.js backend')));
    const columns = new Set(options.map((line) => line.slice(2).search(/ {2}\S/u)));
    assert.equal(columns.size, 1, `help starts at columns ${[...columns].join(', ')}`);
  });

  it('lists the import subcommand and its flags in the usage text', () => {
    assert.match(usage, /^ {7}sweepscope-train import FILE \[--sweep ID\] \[--name N\]/m);
    assert.match(usage, /^ {2}--format csv\|json\|keras-history +with import: /m);
    assert.match(usage, /^ {2}--batch-size N +with import of a keras-history/m);
  });
});

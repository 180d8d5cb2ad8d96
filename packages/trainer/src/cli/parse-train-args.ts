import { parseArgs, type ParseArgsConfig } from 'node:util';
import { extname } from 'node:path';
import { largestId } from '@sweepscope/db';
import { coerceError, defaultNoiseScaleInterval, ErrorCode, presetNames, presets, SweepscopeError, type SweepInput } from '@sweepscope/core';
import { resultsFormats, type ImportSweepInput, type ResultsFormat } from '@sweepscope/db/imports';
import { backendPreferences, type BackendPreference } from '../backend/backend-preference.js';

/** What `sweepscope-train` was asked to do. */
export type TrainCommand =
  | { kind: 'help' }
  | { kind: 'worker'; backend: BackendPreference; /** Train only this sweep's runs. */ sweepId?: number }
  | { kind: 'retry'; runId: number; /** Start the next attempt from epoch 1 instead of resuming. */ fromScratch: boolean }
  | {
      kind: 'train';
      sweep: SweepInput;
      backend: BackendPreference;
      json: boolean;
      /** Worker processes to train the sweep with. @default one per core */
      workers?: number;
    }
  | {
      kind: 'plan';
      /** The settings the probe trains with; its cell is the middle one of the sweep's. */
      sweep: SweepInput;
      backend: BackendPreference;
      json: boolean;
    }
  | {
      kind: 'import';
      /** The results file's path, as given. */
      file: string;
      /** From `--format`, else guessed from the file's extension. */
      format: ResultsFormat;
      /** Add to this sweep instead of making one. */
      sweepId?: number;
      /** With keras-history: the run's cell. */
      batchSize?: number;
      learningRate?: number;
      /** Settings of a new sweep. */
      sweep: ImportSweepInput;
    };

/** Every flag that takes a value, with the form it takes; the help text and the errors are made from it. */
const flags = {
  preset: { form: presetNames.join('|'), help: 'settings to start from (default quick); other flags override them' },
  cells: { form: 'BATCH:LR[,BATCH:LR…]', help: 'cells to train, e.g. 32:0.1,128:0.001 (default: the preset’s)' },
  'batch-sizes': { form: 'N[,N…]', help: 'with --learning-rates, a full grid, e.g. 16,32,64,128' },
  'learning-rates': { form: 'LR[,LR…]', help: 'with --batch-sizes, a full grid, e.g. 0.001,0.01,0.1,1' },
  repeats: { form: 'N', help: 'train every cell N times, with seeds seed … seed+N-1 (default 1)' },
  epochs: { form: 'N', help: 'epochs per run' },
  dataset: { form: 'synthetic|fashion-mnist|images', help: 'data set; images reads --data-dir' },
  'data-dir': { form: 'PATH', help: 'image folder (root/<class>/*.jpg, or root/train + root/val), or Fashion-MNIST’s folder' },
  weights: { form: 'PATH|URL', help: 'TensorFlow.js layers model of the MobileNetV2 base to start from' },
  alpha: { form: 'α', help: 'MobileNetV2 width multiplier' },
  'input-size': { form: 'PIXELS', help: 'input side, at least 32' },
  'divergence-factor': { form: 'F', help: 'a run diverges when its epoch’s mean loss passes F × a uniform guess’s, ln(classes) (default 10)' },
  'early-stop': { form: 'PATIENCE', help: 'stop a run once its validation loss has not improved for PATIENCE epochs, keeping its best epoch' },
  prune: {
    form: 'median|none',
    help: 'stop a run whose best validation accuracy falls below the median of completed runs of its batch size (Optuna’s MedianPruner)',
  },
  'prune-warmup': { form: 'N', help: 'epochs every run trains before it may be pruned (default 2)' },
  'noise-scale-interval': {
    form: 'N',
    help: `measure the gradient noise scale every N steps from the second epoch, 0 never (default ${defaultNoiseScaleInterval}; plan: every other step)`,
  },
  'batch-norm-momentum': { form: 'M', help: 'momentum of the batch-norm statistics, 0 ≤ M < 1 (seed 0.999 as Keras, else 0.9)' },
  'train-limit': { form: 'N|all', help: 'training images to use (stratified subset)' },
  'val-limit': { form: 'N|all', help: 'validation images to use (stratified subset)' },
  'shuffle-buffer': { form: 'N', help: 'shuffle buffer in images' },
  seed: { form: 'N', help: 'random seed (default 42)' },
  name: { form: 'TEXT', help: 'sweep name (default: data set and cells)' },
  tags: { form: 'TAG[,TAG…]', help: 'sweep tags, to find and group it by (up to 20, each 1–64 characters)' },
  notes: { form: 'TEXT', help: 'sweep notes, free text up to 10,000 characters' },
  format: {
    form: resultsFormats.join('|'),
    help: 'with import: the file’s form (default: csv for .csv; for .json, keras-history with --batch-size, else json)',
  },
  'batch-size': { form: 'N', help: 'with import of a keras-history: the batch size the run trained with' },
  'learning-rate': { form: 'LR', help: 'with import of a keras-history: the learning rate the run trained with' },
  classes: { form: 'N', help: 'with import: the data set’s classes, where chance lies (fashion-mnist: 10)' },
  'val-images': { form: 'N', help: 'with import: images each validation pass scored' },
  backend: {
    form: backendPreferences.join('|'),
    help: 'TensorFlow.js backend (default auto: the fastest that loads; webgpu by name also takes a software adapter)',
  },
  workers: { form: 'N', help: 'worker processes, each training one run at a time (default: one per core)' },
  sweep: { form: 'ID', help: 'with worker: train only this sweep’s runs; with import: add to this sweep' },
} as const;

/** Flags only `import` takes. */
const importFlags = ['format', 'batch-size', 'learning-rate', 'classes', 'val-images'] as const;
/** Flags about training, which results trained elsewhere have no use for. */
const trainingFlags = [
  'cells',
  'batch-sizes',
  'learning-rates',
  'repeats',
  'epochs',
  'data-dir',
  'divergence-factor',
  'early-stop',
  'prune',
  'prune-warmup',
  'noise-scale-interval',
  'backend',
  'workers',
] as const;

const options = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  'from-scratch': { type: 'boolean' },
  ...Object.fromEntries(Object.keys(flags).map((flag) => [flag, { type: 'string' }])),
} as const satisfies ParseArgsConfig['options'];

/** Usage text of the command. */
export const usage = [
  'Usage: sweepscope-train [--preset quick] [options]            queue a sweep, train it here, print the results',
  '       sweepscope-train worker [--backend B]                  train queued runs until stopped',
  '       sweepscope-train retry RUN_ID [--from-scratch]         queue a failed, diverged or cancelled run again: it resumes',
  '                                                              from its last epoch, or starts over as its next attempt',
  '       sweepscope-train plan [--preset quick] [options]       train a short probe of the middle cell, measure the gradient',
  '                                                              noise scale, and propose a grid around the critical batch size',
  '       sweepscope-train import FILE [--sweep ID] [--name N]   store results trained elsewhere: a CSV or JSON of epoch rows',
  '           [--format F] [--batch-size B --learning-rate L]    (batch_size, learning_rate, epoch, loss, accuracy, val_loss,',
  '                                                              val_accuracy), or one run’s Keras History.history as JSON',
  '',
  'Options:',
  ...[
    ...Object.entries(flags).map(([flag, { form, help }]) => [`--${flag} ${form}`, help] as const),
    ['--json', 'print the results as JSON on stdout (progress goes to stderr)'] as const,
    ['--help', 'this text'] as const,
  ].map(([term, help], _, all) => `  ${term.padEnd(Math.max(...all.map(([each]) => each.length)) + 2)}${help}`),
  '',
  'Presets:',
  ...presetNames.map((name) => `  ${name.padEnd(8)}${presets[name].description}`),
].join('\n');

/**
 * Reads the command line. Only the form of each value is checked here; what values are
 * allowed is checked by the sweep validation the API shares.
 * @throws {SweepscopeError} BAD_USER_INPUT naming the flag and the form it expects
 */
export function parseTrainArgs(argv: readonly string[]): TrainCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw explainParseError(argv, error);
  }
  const { values, positionals } = parsed;
  const text = values as Record<string, string | undefined>;
  if (values.help) return { kind: 'help' };

  const backend = (text.backend ?? 'auto') as BackendPreference;
  if (!backendPreferences.includes(backend)) bad('backend', text.backend, `one of ${backendPreferences.join(', ')}`);

  const [subcommand, ...extra] = positionals;
  const stray = subcommand === 'worker' || subcommand === 'plan' ? extra : subcommand === 'import' || subcommand === 'retry' ? extra.slice(1) : positionals;
  if (stray.length > 0) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `Unexpected argument "${stray.join(' ')}": the subcommands are "worker", "plan", "import FILE" and "retry RUN_ID", and each flag takes one value ` +
        '(quote a value that has spaces). Run with --help.',
    );
  }
  if (values['from-scratch'] && subcommand !== 'retry') {
    throw new SweepscopeError(ErrorCode.BadUserInput, '--from-scratch goes with the retry subcommand: sweepscope-train retry RUN_ID --from-scratch.', {
      field: ['--from-scratch'],
    });
  }
  const count = (flag: 'workers' | 'sweep' | 'classes' | 'val-images', min: number, max?: number): number | undefined => {
    const value = text[flag];
    if (value === undefined) return undefined;
    const number = toNumber(flag, value, true);
    if (number < min || (max !== undefined && number > max))
      bad(flag, value, max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`);
    return number;
  };
  if (subcommand === 'worker') {
    const stray = Object.keys(flags).find((flag) => text[flag] !== undefined && flag !== 'backend' && flag !== 'sweep');
    if (stray !== undefined || values.json) {
      throw new SweepscopeError(
        ErrorCode.BadUserInput,
        `--${stray ?? 'json'} does not go with worker: a worker takes only --backend and --sweep, and trains runs as their sweeps say.`,
        { field: [`--${stray ?? 'json'}`] },
      );
    }
    const sweepId = count('sweep', 1, largestId);
    return sweepId === undefined ? { kind: 'worker', backend } : { kind: 'worker', backend, sweepId };
  }
  if (subcommand === 'retry') {
    const given = Object.keys(flags).find((flag) => text[flag] !== undefined) ?? (values.json ? 'json' : undefined);
    if (given !== undefined) {
      throw new SweepscopeError(ErrorCode.BadUserInput, `--${given} does not go with retry: retry takes a run id and --from-scratch.`, {
        field: [`--${given}`],
      });
    }
    const [id] = extra;
    const runId = id === undefined ? Number.NaN : Number(id);
    if (!/^\d+$/.test(id ?? '') || !Number.isSafeInteger(runId) || runId < 1 || runId > largestId) {
      throw new SweepscopeError(
        ErrorCode.BadUserInput,
        `retry ${id === undefined ? 'is given without a run id' : `is given "${id}"`}: expected sweepscope-train retry RUN_ID, RUN_ID being a run's number (the dashboard's run page and the API show it).`,
      );
    }
    return { kind: 'retry', runId, fromScratch: values['from-scratch'] === true };
  }
  if (subcommand === 'import') {
    const [file] = extra;
    if (file === undefined) {
      throw new SweepscopeError(
        ErrorCode.BadUserInput,
        'import is given without a file: expected sweepscope-train import FILE, FILE being a .csv or .json of results.',
      );
    }
    const refused = trainingFlags.find((flag) => text[flag] !== undefined) ?? (values.json ? 'json' : undefined);
    if (refused !== undefined) {
      const taken = Object.keys(flags).filter((flag) => !(trainingFlags as readonly string[]).includes(flag));
      throw new SweepscopeError(
        ErrorCode.BadUserInput,
        `--${refused} does not go with import: the results were trained elsewhere; import takes ${taken.map((flag) => `--${flag}`).join(', ')}.`,
        { field: [`--${refused}`] },
      );
    }
    // The flags of the settings results do not fix were refused above.
    const sweep: ImportSweepInput = readSweepFlags(text);
    const classes = count('classes', 2);
    const valImages = count('val-images', 1);
    if (classes !== undefined) sweep.classes = classes;
    if (valImages !== undefined) sweep.valImages = valImages;
    const sweepId = count('sweep', 1, largestId);
    const batchSize = text['batch-size'] === undefined ? undefined : toNumber('batch-size', text['batch-size'], true);
    const learningRate = text['learning-rate'] === undefined ? undefined : toNumber('learning-rate', text['learning-rate'], false);
    return {
      kind: 'import',
      file,
      format: readFormat(file, text.format, batchSize !== undefined || learningRate !== undefined),
      sweep,
      ...(sweepId === undefined ? {} : { sweepId }),
      ...(batchSize === undefined ? {} : { batchSize }),
      ...(learningRate === undefined ? {} : { learningRate }),
    };
  }
  const importOnly = importFlags.find((flag) => text[flag] !== undefined);
  if (importOnly !== undefined) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `--${importOnly} goes with the import subcommand: sweepscope-train import FILE --${importOnly} ${flags[importOnly].form}.`,
      { field: [`--${importOnly}`] },
    );
  }
  if (text.sweep !== undefined) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      '--sweep goes with the worker subcommand: sweepscope-train worker --sweep ID (or with import: sweepscope-train import FILE --sweep ID).',
      { field: ['--sweep'] },
    );
  }
  if (subcommand === 'plan') {
    if (text.workers !== undefined) {
      throw new SweepscopeError(ErrorCode.BadUserInput, '--workers does not go with plan: its probe is one run, trained here.', { field: ['--workers'] });
    }
    return { kind: 'plan', sweep: readSweepFlags(text), backend, json: values.json === true };
  }
  const workers = count('workers', 1);
  return { kind: 'train', sweep: readSweepFlags(text), backend, json: values.json === true, ...(workers === undefined ? {} : { workers }) };
}

/** The sweep settings given as flags, each of the form its flag takes. */
function readSweepFlags(text: Record<string, string | undefined>): SweepInput {
  const sweep: SweepInput = {};
  const numeric = [
    ['repeats', 'repeats', true],
    ['epochs', 'epochs', true],
    ['alpha', 'alpha', false],
    ['input-size', 'inputSize', true],
    ['batch-norm-momentum', 'batchNormMomentum', false],
    ['divergence-factor', 'divergenceFactor', false],
    ['early-stop', 'earlyStopPatience', true],
    ['prune-warmup', 'pruneWarmupEpochs', true],
    ['noise-scale-interval', 'noiseScaleInterval', true],
    ['shuffle-buffer', 'shuffleBuffer', true],
    ['seed', 'seed', true],
  ] as const;
  for (const [flag, field, whole] of numeric) {
    const value = text[flag];
    if (value !== undefined) sweep[field] = toNumber(flag, value, whole);
  }
  for (const [flag, field] of [
    ['train-limit', 'trainLimit'],
    ['val-limit', 'valLimit'],
  ] as const) {
    const value = text[flag];
    if (value !== undefined) sweep[field] = value.trim() === 'all' ? null : toNumber(flag, value, true, 'a whole number, or all');
  }
  const strings = [
    ['preset', 'preset'],
    ['cells', 'cells'],
    ['batch-sizes', 'batchSizes'],
    ['learning-rates', 'learningRates'],
    ['dataset', 'dataset'],
    ['data-dir', 'dataDir'],
    ['weights', 'weights'],
    ['name', 'name'],
    ['tags', 'tags'],
    ['notes', 'notes'],
  ] as const;
  for (const [flag, field] of strings) {
    const value = text[flag];
    if (value !== undefined) sweep[field] = value;
  }
  if (text.prune !== undefined) sweep.pruner = text.prune.trim() === 'none' ? null : text.prune;
  return sweep;
}

/**
 * The form of a results file: `--format` when given, else its extension's. A `.json` file
 * is a Keras history when the run's cell is given with it, else a table of epoch rows.
 */
function readFormat(file: string, given: string | undefined, cellGiven: boolean): ResultsFormat {
  if (given !== undefined) {
    if (!(resultsFormats as readonly string[]).includes(given)) bad('format', given, `one of ${resultsFormats.join(', ')}`);
    return given as ResultsFormat;
  }
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.json') return cellGiven ? 'keras-history' : 'json';
  throw new SweepscopeError(
    ErrorCode.BadUserInput,
    `import cannot tell the form of "${file}" from its extension: expected --format ${resultsFormats.join('|')}, or a file ending in .csv or .json.`,
    { field: ['--format'] },
  );
}

function toNumber(flag: keyof typeof flags, value: string, whole: boolean, expected = whole ? 'a whole number' : 'a number'): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number) || (whole && !Number.isInteger(number))) bad(flag, value, expected);
  return number;
}

function bad(flag: string, value: string | undefined, expected: string): never {
  throw new SweepscopeError(ErrorCode.BadUserInput, `--${flag} "${value}" is not valid: expected ${expected}.`, {
    field: [`--${flag}`],
  });
}

/**
 * The flag of a sweep setting: `inputSize` is set with `--input-size`. Passed to the shared
 * validation so that its messages name what the user typed.
 */
export function flagForField(field: string): string {
  return shortFlags[field] ?? `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** Settings whose flag is shorter than their field's name. */
const shortFlags: Readonly<Record<string, string>> = { earlyStopPatience: '--early-stop', pruner: '--prune', pruneWarmupEpochs: '--prune-warmup' };

/**
 * Turns Node's parse errors into ours, naming the flag at fault. Node's own text points at
 * positional arguments after `--`, which this command has no use for.
 */
function explainParseError(argv: readonly string[], thrown: unknown): SweepscopeError {
  const { code } = thrown as { code?: unknown };
  // Node says which flag only in its message text; its tokens say it in data.
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options });
  const optionTokens = tokens.filter((token) => token.kind === 'option');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const unknown = optionTokens.find((token) => !Object.hasOwn(options, token.name));
    if (unknown) {
      const known = [...Object.keys(flags), 'json'].map((flag) => `--${flag}`).join(', ');
      return new SweepscopeError(ErrorCode.BadUserInput, `Unknown flag ${unknown.rawName}: the flags are ${known}. Run with --help for what each takes.`, {
        field: [unknown.rawName],
        cause: thrown,
      });
    }
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    for (const token of optionTokens) {
      const flag = flags[token.name as keyof typeof flags] as (typeof flags)[keyof typeof flags] | undefined;
      const field = { field: [`--${token.name}`], cause: thrown };
      if (flag === undefined && token.value !== undefined) {
        return new SweepscopeError(ErrorCode.BadUserInput, `${token.rawName} takes no value.`, field);
      }
      if (flag === undefined) continue;
      const expected = `expected --${token.name} ${flag.form}`;
      // `--epochs --seed 3`: the next word is another flag, so --epochs has no value.
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
        return new SweepscopeError(ErrorCode.BadUserInput, `--${token.name} is given without a value: ${expected}.`, field);
      }
      if (!token.inlineValue && token.value.startsWith('-')) {
        return new SweepscopeError(
          ErrorCode.BadUserInput,
          `--${token.name} ${token.value} reads as two flags: ${expected}; write --${token.name}=${token.value} for a value that starts with "-".`,
          field,
        );
      }
    }
  }
  return new SweepscopeError(ErrorCode.BadUserInput, `${coerceError(thrown).message}. Run with --help for the flags.`, {
    cause: thrown,
  });
}

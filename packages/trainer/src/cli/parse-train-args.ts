import { parseArgs, type ParseArgsConfig } from 'node:util';
import { coerceError, ErrorCode, SweepscopeError } from '@sweepscope/db/errors';
import { presetNames, presets, type SweepInput } from '@sweepscope/db/sweeps';
import type { BackendPreference } from '../backend/select-backend.js';

/** What `sweepscope-train` was asked to do. */
export type TrainCommand =
  | { kind: 'help' }
  | { kind: 'worker'; backend: BackendPreference; /** Train only this sweep's runs. */ sweepId?: number }
  | {
      kind: 'train';
      sweep: SweepInput;
      backend: BackendPreference;
      json: boolean;
      /** Worker processes to train the sweep with. @default one per core */
      workers?: number;
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
  'batch-norm-momentum': { form: 'M', help: 'momentum of the batch-norm statistics, 0 ≤ M < 1 (seed 0.999 as Keras, else 0.9)' },
  'train-limit': { form: 'N|all', help: 'training images to use (stratified subset)' },
  'val-limit': { form: 'N|all', help: 'validation images to use (stratified subset)' },
  'shuffle-buffer': { form: 'N', help: 'shuffle buffer in images' },
  seed: { form: 'N', help: 'random seed (default 42)' },
  name: { form: 'TEXT', help: 'sweep name (default: data set and cells)' },
  backend: { form: 'auto|node-gpu|node|wasm|cpu', help: 'TensorFlow.js backend (default auto: the fastest that loads)' },
  workers: { form: 'N', help: 'worker processes, each training one run at a time (default: one per core)' },
  sweep: { form: 'ID', help: 'with worker: train only this sweep’s runs' },
} as const;

const options = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  ...Object.fromEntries(Object.keys(flags).map((flag) => [flag, { type: 'string' }])),
} as const satisfies ParseArgsConfig['options'];

const backends: readonly BackendPreference[] = ['auto', 'node-gpu', 'node', 'wasm', 'cpu'];

/** Usage text of the command. */
export const usage = [
  'Usage: sweepscope-train [--preset quick] [options]            queue a sweep, train it here, print the results',
  '       sweepscope-train worker [--backend B]                  train queued runs until stopped',
  '',
  'Options:',
  ...Object.entries(flags).map(([flag, { form, help }]) => `  --${`${flag} ${form}`.padEnd(38)}${help}`),
  `  ${'--json'.padEnd(40)}print the results as JSON on stdout (progress goes to stderr)`,
  `  ${'--help'.padEnd(40)}this text`,
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
  if (!backends.includes(backend)) bad('backend', text.backend, 'one of auto, node-gpu, node, wasm, cpu');

  const [subcommand, ...extra] = positionals;
  const stray = subcommand === 'worker' ? extra : positionals;
  if (stray.length > 0) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `Unexpected argument "${stray.join(' ')}": the only subcommand is "worker", and each flag takes one value ` +
        '(quote a value that has spaces). Run with --help.',
    );
  }
  const count = (flag: 'workers' | 'sweep', min: number): number | undefined => {
    const value = text[flag];
    if (value === undefined) return undefined;
    const number = toNumber(flag, value, true);
    if (number < min) bad(flag, value, `a whole number of at least ${min}`);
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
    const sweepId = count('sweep', 1);
    return sweepId === undefined ? { kind: 'worker', backend } : { kind: 'worker', backend, sweepId };
  }
  if (text.sweep !== undefined) {
    throw new SweepscopeError(ErrorCode.BadUserInput, '--sweep goes with the worker subcommand: sweepscope-train worker --sweep ID.', { field: ['--sweep'] });
  }
  const workers = count('workers', 1);

  const sweep: SweepInput = {};
  const numeric = [
    ['repeats', 'repeats', true],
    ['epochs', 'epochs', true],
    ['alpha', 'alpha', false],
    ['input-size', 'inputSize', true],
    ['batch-norm-momentum', 'batchNormMomentum', false],
    ['shuffle-buffer', 'shuffleBuffer', true],
    ['seed', 'seed', true],
  ] as const;
  for (const [flag, field, whole] of numeric) {
    const value = text[flag];
    if (value !== undefined) sweep[field] = toNumber(flag, value, whole);
  }
  for (const [flag, field] of [['train-limit', 'trainLimit'], ['val-limit', 'valLimit']] as const) {
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
  ] as const;
  for (const [flag, field] of strings) {
    const value = text[flag];
    if (value !== undefined) sweep[field] = value;
  }
  return { kind: 'train', sweep, backend, json: values.json === true, ...(workers === undefined ? {} : { workers }) };
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
  return `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

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
      return new SweepscopeError(
        ErrorCode.BadUserInput,
        `Unknown flag ${unknown.rawName}: the flags are ${known}. Run with --help for what each takes.`,
        { field: [unknown.rawName], cause: thrown },
      );
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


import { parseArgs, type ParseArgsConfig } from 'node:util';
import { coerceError, ErrorCode, SweepscopeError } from '@sweepscope/db/errors';
import type { SweepInput } from '@sweepscope/db/sweeps';
import type { BackendPreference } from '../backend/select-backend.js';

/** What `sweepscope-train` was asked to do. */
export type TrainCommand =
  | { kind: 'help' }
  | { kind: 'worker'; backend: BackendPreference }
  | { kind: 'train'; sweep: SweepInput; backend: BackendPreference };

/** Every flag, with the form its value takes; the help text and the errors are made from it. */
const flags = {
  cells: { form: 'BATCH:LR[,BATCH:LR…]', help: 'cells to train, e.g. 32:0.1,128:0.001 (required)' },
  epochs: { form: 'N', help: 'epochs per run (default 2)' },
  dataset: { form: 'synthetic|fashion-mnist', help: 'data set (default synthetic)' },
  alpha: { form: 'α', help: 'MobileNetV2 width multiplier (default 0.35)' },
  'input-size': { form: 'PIXELS', help: 'input side, at least 32 (default 32)' },
  'train-limit': { form: 'N', help: 'training images to use (stratified subset)' },
  'val-limit': { form: 'N', help: 'validation images to use (stratified subset)' },
  'shuffle-buffer': { form: 'N', help: 'shuffle buffer in images (default 1000)' },
  seed: { form: 'N', help: 'random seed (default 42)' },
  name: { form: 'TEXT', help: 'sweep name (default: data set and cells)' },
  backend: { form: 'auto|node-gpu|node|cpu', help: 'TensorFlow.js backend (default auto)' },
} as const;

const options = {
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(Object.keys(flags).map((flag) => [flag, { type: 'string' }])),
} as const satisfies ParseArgsConfig['options'];

const backends: readonly BackendPreference[] = ['auto', 'node-gpu', 'node', 'cpu'];

/** Usage text of the command. */
export const usage = [
  'Usage: sweepscope-train --cells 32:0.1,128:0.001 [options]   queue a sweep, train it here, print the results',
  '       sweepscope-train worker [--backend B]                  train queued runs until stopped',
  '',
  'Options:',
  ...Object.entries(flags).map(([flag, { form, help }]) => `  --${`${flag} ${form}`.padEnd(38)}${help}`),
  `  ${'--help'.padEnd(40)}this text`,
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
  if (!backends.includes(backend)) bad('backend', text.backend, 'one of auto, node-gpu, node, cpu');

  const [subcommand, ...extra] = positionals;
  const stray = subcommand === 'worker' ? extra : positionals;
  if (stray.length > 0) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `Unexpected argument "${stray.join(' ')}": the only subcommand is "worker", and each flag takes one value ` +
        '(quote a value that has spaces). Run with --help.',
    );
  }
  if (subcommand === 'worker') return { kind: 'worker', backend };

  if (text.cells === undefined) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `--cells is required: expected ${flags.cells.form}, e.g. --cells 32:0.1,128:0.001.`, {
      field: ['--cells'],
    });
  }
  const sweep: SweepInput = { cells: text.cells };
  const numeric = [
    ['epochs', 'epochs', true],
    ['alpha', 'alpha', false],
    ['input-size', 'inputSize', true],
    ['train-limit', 'trainLimit', true],
    ['val-limit', 'valLimit', true],
    ['shuffle-buffer', 'shuffleBuffer', true],
    ['seed', 'seed', true],
  ] as const;
  for (const [flag, field, whole] of numeric) {
    const value = text[flag];
    if (value === undefined) continue;
    sweep[field] = toNumber(flag, value, whole);
  }
  if (text.dataset !== undefined) sweep.dataset = text.dataset;
  if (text.name !== undefined) sweep.name = text.name;
  return { kind: 'train', sweep, backend };
}

function toNumber(flag: keyof typeof flags, value: string, whole: boolean): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number) || (whole && !Number.isInteger(number))) {
    bad(flag, value, whole ? 'a whole number' : 'a number');
  }
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
      const known = Object.keys(flags).map((flag) => `--${flag}`).join(', ');
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


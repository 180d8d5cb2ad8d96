import type { DatasetName, PresetName } from '@sweepscope/core';

import type { CreateSweepInput } from '@/graphql';

/** Pruners the API knows, besides none: its `CreateSweepInput.pruner` values. */
export const PRUNERS = ['median'] as const;

/** The New sweep form's fields as typed: text, with '' meaning "the preset's value". */
export interface NewSweepValues {
  preset: PresetName;
  name: string;
  /** '' takes the preset's data set. */
  dataset: DatasetName | '';
  /** Folder of the images, for the `images` data set. */
  dataDir: string;
  /** Whether the cells are a list (`cells`) or every batch size with every learning rate (`grid`). */
  cellsMode: 'cells' | 'grid';
  cells: string;
  batchSizes: string;
  learningRates: string;
  repeats: string;
  epochs: string;
  alpha: string;
  inputSize: string;
  batchNormMomentum: string;
  divergenceFactor: string;
  /** Steps between measurements of the gradient noise scale; 0 never. */
  noiseScaleInterval: string;
  /** '' trains every epoch: no early stopping. */
  earlyStopPatience: string;
  /** '' prunes nothing. */
  pruner: (typeof PRUNERS)[number] | '';
  pruneWarmupEpochs: string;
  shuffleBuffer: string;
  seed: string;
  /** A number of images, or `all` for no limit. */
  trainLimit: string;
  valLimit: string;
}

/** A field of the form that can be wrong; named as in `CreateSweepInput`, so the API's `extensions.field` finds it. */
export type NewSweepField = Exclude<keyof NewSweepValues, 'cellsMode'>;

/** What {@link buildCreateSweepInput} returns. */
export type BuildCreateSweepInputResult = { ok: true; input: CreateSweepInput } | { ok: false; errors: Partial<Record<NewSweepField, string>> };

/** The form before anyone typed: the `quick` preset (the API's default) and nothing overridden. */
export const EMPTY_NEW_SWEEP: NewSweepValues = {
  preset: 'quick',
  name: '',
  dataset: '',
  dataDir: '',
  cellsMode: 'cells',
  cells: '',
  batchSizes: '',
  learningRates: '',
  repeats: '',
  epochs: '',
  alpha: '',
  inputSize: '',
  batchNormMomentum: '',
  divergenceFactor: '',
  noiseScaleInterval: '',
  earlyStopPatience: '',
  pruner: '',
  pruneWarmupEpochs: '',
  shuffleBuffer: '',
  seed: '',
  trainLimit: '',
  valLimit: '',
};

/** GraphQL's `Int` is 32-bit signed: a larger value would fail as a request error, not at its field. */
const INT_MAX = 2 ** 31 - 1;

/**
 * Turns the form into `createSweep`'s input. It checks only what the request
 * itself could not carry (text where a number goes, a fraction where a whole
 * number goes, beyond 32 bits); whether a value is sensible (epochs ≥ 1,
 * momentum < 1, a parseable cell list) is the API's to say, with the same words
 * as the terminal, at the field. Empty fields are left out, so the preset's
 * values apply (for the stopping rules, the API's: no early stopping, no
 * pruner, 2 warm-up epochs); a limit of `all` is sent as null (no limit).
 */
export function buildCreateSweepInput(values: NewSweepValues): BuildCreateSweepInputResult {
  const errors: Partial<Record<NewSweepField, string>> = {};
  const input: CreateSweepInput = { preset: values.preset };

  const text = (field: 'name' | 'dataDir' | 'cells'): void => {
    const value = values[field].trim();
    if (value !== '') input[field] = value;
  };
  const number = (field: NewSweepField, whole: boolean): number | undefined => {
    const raw = values[field].trim();
    if (raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value)) {
      errors[field] = `expected a number, got "${raw}".`;
    } else if (whole && (!Number.isInteger(value) || Math.abs(value) > INT_MAX)) {
      errors[field] = `expected a whole number up to ${INT_MAX}, got "${raw}".`;
    } else {
      return value;
    }
    return undefined;
  };
  const list = (field: 'batchSizes' | 'learningRates', whole: boolean): number[] | undefined => {
    const raw = values[field].trim();
    if (raw === '') return undefined;
    const items = raw.split(',').map((item) => item.trim());
    const numbers = items.map(Number);
    const bad = items.find(
      (item, i) => item === '' || !Number.isFinite(numbers[i]) || (whole && (!Number.isInteger(numbers[i]) || Math.abs(numbers[i] ?? 0) > INT_MAX)),
    );
    if (bad !== undefined) {
      errors[field] = `expected ${whole ? 'whole numbers' : 'numbers'} separated by commas, got "${bad}".`;
      return undefined;
    }
    return numbers;
  };
  const limit = (field: 'trainLimit' | 'valLimit'): void => {
    if (values[field].trim().toLowerCase() === 'all') {
      input[field] = null;
      return;
    }
    const value = number(field, true);
    if (value !== undefined) input[field] = value;
  };
  const assign = <Key extends keyof CreateSweepInput>(key: Key, value: CreateSweepInput[Key] | undefined): void => {
    if (value !== undefined) input[key] = value;
  };

  text('name');
  if (values.dataset !== '') input.dataset = values.dataset;
  if (values.dataset === 'images') text('dataDir');
  if (values.cellsMode === 'cells') {
    text('cells');
  } else {
    assign('batchSizes', list('batchSizes', true));
    assign('learningRates', list('learningRates', false));
  }
  assign('repeats', number('repeats', true));
  assign('epochs', number('epochs', true));
  assign('alpha', number('alpha', false));
  assign('inputSize', number('inputSize', true));
  assign('batchNormMomentum', number('batchNormMomentum', false));
  assign('divergenceFactor', number('divergenceFactor', false));
  assign('noiseScaleInterval', number('noiseScaleInterval', true));
  assign('earlyStopPatience', number('earlyStopPatience', true));
  if (values.pruner !== '') input.pruner = values.pruner;
  assign('pruneWarmupEpochs', number('pruneWarmupEpochs', true));
  assign('shuffleBuffer', number('shuffleBuffer', true));
  assign('seed', number('seed', true));
  limit('trainLimit');
  limit('valLimit');

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

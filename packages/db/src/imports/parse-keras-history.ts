import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { columnOf, placeUnits, type EpochRow, type LocatedEpochRow } from './epoch-row.js';
import { parseJsonText } from './parse-json-text.js';
import { readColumnValue } from './read-column-value.js';

/** Options of {@link parseKerasHistory}. */
export interface ParseKerasHistoryOptions {
  /** The batch size the run trained with: a history does not record it. */
  batchSize: number;
  /** The learning rate the run trained with: a history does not record it. */
  learningRate: number;
  /** Which repeat of the cell the run is. @default 1 */
  repeat?: number;
  /** The content's name in messages, e.g. the file's path. @default 'content' */
  source?: string;
  /** The input errors are reported against. @default 'content' */
  field?: string;
}

/**
 * Each metric a run needs, and the keys Keras may store it under: `accuracy` with
 * `metrics=['accuracy']`, `sparse_categorical_accuracy` with the reference study's
 * `SparseCategoricalAccuracy()`. The first key present is used.
 */
const metricKeys = [
  ['loss', ['loss']],
  ['accuracy', ['accuracy', 'sparse_categorical_accuracy']],
  ['valLoss', ['val_loss']],
  ['valAccuracy', ['val_accuracy', 'val_sparse_categorical_accuracy']],
] as const satisfies readonly (readonly [keyof EpochRow, readonly string[]])[];

/**
 * Reads one run's Keras `History.history`, saved as JSON (`json.dump(history.history, f)`):
 * an object of per-epoch lists, `{"loss": […], "accuracy": […], "val_loss": […],
 * "val_accuracy": […]}`, list index i being epoch i + 1. Other keys (`learning_rate`, …) are
 * ignored. A history carries no timings, so those are unknown.
 * @returns the run's rows, one per epoch, at the given cell and repeat
 * @throws {SweepscopeError} BAD_USER_INPUT for text that is not such an object, a missing
 *   list, lists of different lengths, no epochs, or a value that is not a number (NaN
 *   included) or out of range, naming the list and the epoch
 */
export function parseKerasHistory(content: string, options: ParseKerasHistoryOptions): LocatedEpochRow[] {
  const source = options.source ?? 'content';
  const field = options.field ?? 'content';
  const refuse = (message: string): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, message, { field: [field] });
  };
  const expected =
    'an object of per-epoch lists such as {"loss": [...], "accuracy": [...], "val_loss": [...], "val_accuracy": [...]}, as Keras keeps in History.history';
  const value = parseJsonText(content, source, field);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse(`${source} is ${Array.isArray(value) ? 'an array (a table of epoch rows is format json)' : JSON.stringify(value)}: expected ${expected}.`);
  }
  const history = value as Record<string, unknown>;
  const lists = metricKeys.map(([key, names]) => {
    const name = names.find((candidate) => Object.hasOwn(history, candidate));
    if (name === undefined) {
      refuse(`${source} has no ${names.join(' or ')} list: expected ${expected}; it has ${Object.keys(history).join(', ') || 'no keys'}.`);
    }
    const list = history[name!];
    if (!Array.isArray(list)) refuse(`${source}: ${name} is ${JSON.stringify(list)}: expected a list of one number per epoch.`);
    return { key, name: name!, list: list as unknown[] };
  });
  const [first] = lists;
  if (first === undefined || first.list.length === 0) refuse(`${source}: ${first?.name ?? 'loss'} is empty: expected one value per epoch.`);
  const uneven = lists.find(({ list }) => list.length !== first!.list.length);
  if (uneven !== undefined) {
    refuse(`${source}: ${uneven.name} has ${uneven.list.length} values and ${first!.name} ${first!.list.length}: expected one value per epoch in every list.`);
  }
  const cell = { batchSize: options.batchSize, learningRate: options.learningRate, repeat: options.repeat ?? 1 };
  return first!.list.map((_, index) => {
    const where = `${source} ${placeUnits['keras-history']} ${index + 1}`;
    const metrics = Object.fromEntries(
      lists.map(({ key, name, list }) => [key, readColumnValue({ ...columnOf(key), name }, list[index] ?? null, where, field)]),
    );
    // A Keras history holds only metrics: the run trained to its end as far as it says.
    return {
      row: { ...cell, epoch: index + 1, ...metrics, durationMs: null, imagesPerSecond: null, noiseScale: null } as EpochRow,
      status: 'succeeded' as const,
      tags: '',
      notes: '',
      place: index + 1,
    };
  });
}

import type { EpochMetrics } from '../runs/record-epoch.js';

/** An epoch row just committed, with everything a live view needs to draw it. */
export interface EpochAddedEvent extends EpochMetrics {
  sweepId: number;
  runId: number;
  /** The epoch row's id, which increases with every stored epoch: a cursor for replays. */
  epochId: number;
}

/** A run whose status just changed. */
export interface RunUpdatedEvent {
  sweepId: number;
  runId: number;
  status: string;
}

/**
 * How far a running run has got inside its epoch, sent about once a second while it trains.
 * Not stored: it is superseded by the next one, and by the epoch row at the epoch's end.
 */
export interface RunProgressEvent {
  sweepId: number;
  runId: number;
  /** The epoch in training, 1-based. */
  epoch: number;
  /** Epochs the run will train. */
  epochs: number;
  /** Training batches done in this epoch. */
  batch: number;
  /** Training batches in an epoch. */
  batches: number;
  /** Training images per second so far in this epoch. */
  imagesPerSecond: number;
}

/** Every event Sweepscope publishes, by name: the one declaration publishers and listeners share. */
export interface EventMap {
  'epoch:added': EpochAddedEvent;
  'run:updated': RunUpdatedEvent;
  'run:progress': RunProgressEvent;
}

/** An event's name. */
export type EventName = keyof EventMap;

/** The PostgreSQL NOTIFY channel of each event (channel names cannot hold ':'). */
export const eventChannels: { readonly [E in EventName]: string } = {
  'epoch:added': 'sweepscope_epoch_added',
  'run:updated': 'sweepscope_run_updated',
  'run:progress': 'sweepscope_run_progress',
};

const numericFields: { readonly [E in EventName]: readonly (keyof EventMap[E])[] } = {
  'epoch:added': ['sweepId', 'runId', 'epochId', 'epoch', 'loss', 'accuracy', 'valLoss', 'valAccuracy', 'durationMs', 'imagesPerSecond'],
  'run:updated': ['sweepId', 'runId'],
  'run:progress': ['sweepId', 'runId', 'epoch', 'epochs', 'batch', 'batches', 'imagesPerSecond'],
};

/**
 * Checks a payload that arrived over NOTIFY before anyone acts on it.
 * @returns the payload, typed, or undefined when it is not the event's shape
 */
export function parseEventPayload<E extends EventName>(name: E, text: string): EventMap[E] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  // NaN and Infinity travel as null in JSON, and a diverged loss never reaches an epoch row.
  const numbersOk = numericFields[name].every((field) => typeof record[field as string] === 'number');
  if (!numbersOk) return undefined;
  if (name === 'run:updated' && typeof record.status !== 'string') return undefined;
  return value as EventMap[E];
}

/** An epoch row just committed (or rewritten), with everything a live view needs to draw it. */
export interface EpochAddedEvent {
  /** The event's place in the sweep's stored event log: the cursor replays continue after. */
  seq: number;
  sweepId: number;
  runId: number;
  /** The epoch row's id. A rewritten epoch keeps its id, so only `seq` orders events. */
  epochId: number;
  /** The run's attempt the epoch belongs to. */
  attempt: number;
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
  /** Null for epochs imported without it. */
  durationMs: number | null;
  /** Null for epochs imported without it. */
  imagesPerSecond: number | null;
}

/** A run whose status (or attempt) just changed. */
export interface RunUpdatedEvent {
  /** The event's place in the sweep's stored event log: the cursor replays continue after. */
  seq: number;
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

/**
 * Stored events were written to a sweep's log in bulk, without a NOTIFY each (an import of a
 * million epochs): a live reader replays the log from its cursor. Not stored itself.
 */
export interface SweepLoggedEvent {
  sweepId: number;
}

/** Every event Sweepscope publishes, by name: the one declaration publishers and listeners share. */
export interface EventMap {
  'epoch:added': EpochAddedEvent;
  'run:updated': RunUpdatedEvent;
  'run:progress': RunProgressEvent;
  'sweep:logged': SweepLoggedEvent;
}

/** An event's name. */
export type EventName = keyof EventMap;

/**
 * The events stored in the sweep's event log as well as sent, so that a subscriber can
 * replay what it missed: each gets its `seq` when published.
 */
export const storedEventNames = ['epoch:added', 'run:updated'] as const satisfies readonly EventName[];
/** An event that is stored before it is sent. */
export type StoredEventName = (typeof storedEventNames)[number];

/** What a publisher gives: a stored event's `seq` is assigned by {@link publishEvent}. */
export type EventInput<E extends EventName> = E extends StoredEventName ? Omit<EventMap[E], 'seq'> : EventMap[E];

/** Whether an event is one of {@link storedEventNames}. */
export function isStoredEvent(name: EventName): name is StoredEventName {
  return (storedEventNames as readonly string[]).includes(name);
}

/** The PostgreSQL NOTIFY channel of each event (channel names cannot hold ':'). */
export const eventChannels: { readonly [E in EventName]: string } = {
  'epoch:added': 'sweepscope_epoch_added',
  'run:updated': 'sweepscope_run_updated',
  'run:progress': 'sweepscope_run_progress',
  'sweep:logged': 'sweepscope_sweep_logged',
};

const numericFields: { readonly [E in EventName]: readonly (keyof EventMap[E])[] } = {
  'epoch:added': ['seq', 'sweepId', 'runId', 'epochId', 'attempt', 'epoch', 'loss', 'accuracy', 'valLoss', 'valAccuracy'],
  'run:updated': ['seq', 'sweepId', 'runId'],
  'run:progress': ['sweepId', 'runId', 'epoch', 'epochs', 'batch', 'batches', 'imagesPerSecond'],
  'sweep:logged': ['sweepId'],
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
  if (name === 'epoch:added' && !['durationMs', 'imagesPerSecond'].every((field) => numberOrNull(record[field]))) return undefined;
  return value as EventMap[E];
}

function numberOrNull(value: unknown): boolean {
  return value === null || typeof value === 'number';
}

import type { StoredEpochMetrics } from '../runs/epoch-metrics.js';
import { runStatuses, type RunStatus } from '../statuses/run-status.js';

/** An epoch row just committed (or rewritten), with everything a live view needs to draw it. */
export interface EpochAddedEvent extends StoredEpochMetrics {
  /** The event's place in the sweep's stored event log: the cursor replays continue after. */
  seq: number;
  sweepId: number;
  runId: number;
  /** The epoch row's id. A rewritten epoch keeps its id, so only `seq` orders events. */
  epochId: number;
  /** The run's attempt the epoch belongs to. */
  attempt: number;
}

/** A run whose status (or attempt) just changed. */
export interface RunUpdatedEvent {
  /** The event's place in the sweep's stored event log: the cursor replays continue after. */
  seq: number;
  sweepId: number;
  runId: number;
  status: RunStatus;
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

/** What a payload field must hold. */
type FieldRule = 'number' | 'number or null' | 'number, null or absent' | 'run status';

// Every field of every event, so that adding one to an event type fails to compile until its rule is here.
const payloadRules: { readonly [E in EventName]: { readonly [K in keyof EventMap[E]]-?: FieldRule } } = {
  'epoch:added': {
    seq: 'number',
    sweepId: 'number',
    runId: 'number',
    epochId: 'number',
    attempt: 'number',
    epoch: 'number',
    loss: 'number',
    accuracy: 'number',
    valLoss: 'number',
    valAccuracy: 'number',
    durationMs: 'number or null',
    imagesPerSecond: 'number or null',
    // Absent from events stored before the noise scale was measured, and from imported epochs without it.
    noiseScale: 'number, null or absent',
  },
  'run:updated': { seq: 'number', sweepId: 'number', runId: 'number', status: 'run status' },
  'run:progress': { sweepId: 'number', runId: 'number', epoch: 'number', epochs: 'number', batch: 'number', batches: 'number', imagesPerSecond: 'number' },
  'sweep:logged': { sweepId: 'number' },
};

// What each rule accepts, and how a refusal names it.
const fieldRules: { readonly [R in FieldRule]: { accepts: (value: unknown) => boolean; expected: string } } = {
  number: { accepts: (value) => typeof value === 'number', expected: 'a number' },
  'number or null': { accepts: (value) => value === null || typeof value === 'number', expected: 'a number or null' },
  'number, null or absent': { accepts: (value) => value === undefined || value === null || typeof value === 'number', expected: 'a number, null or nothing' },
  'run status': { accepts: (value) => (runStatuses as readonly unknown[]).includes(value), expected: `one of ${runStatuses.join(', ')}` },
};

/**
 * Checks an event's payload, as it arrived over NOTIFY or was read back from the stored log,
 * before anyone acts on it. NaN and Infinity travel as null in JSON, and a diverged loss
 * never reaches an epoch row, so a metric must be a number.
 * @returns the payload, typed
 * @throws {Error} naming the first field that is missing or of the wrong kind, and what it expected
 */
export function checkEventPayload<E extends EventName>(name: E, payload: unknown): EventMap[E] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new Error(`The ${name} event's payload is ${JSON.stringify(payload)}: expected an object.`);
  }
  const record = payload as Record<string, unknown>;
  for (const [field, rule] of Object.entries<FieldRule>(payloadRules[name])) {
    const { accepts, expected } = fieldRules[rule];
    if (!accepts(record[field])) {
      const found = field in record ? JSON.stringify(record[field]) : 'missing';
      throw new Error(`The ${name} event's ${field} is ${found}: expected ${expected}.`);
    }
  }
  return payload as EventMap[E];
}

/**
 * Reads an event's JSON text, as NOTIFY delivers it.
 * @throws {Error} when the text is not JSON, or its payload fails {@link checkEventPayload}
 */
export function parseEventPayload<E extends EventName>(name: E, text: string): EventMap[E] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`The ${name} event's payload is not JSON: ${text.slice(0, 200)}`);
  }
  return checkEventPayload(name, value);
}

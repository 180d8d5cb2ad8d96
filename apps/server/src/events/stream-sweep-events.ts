import type { PrismaClient, Run } from '@sweepscope/db';
import type { EpochAddedEvent, StoredEventName } from '@sweepscope/core';
import { readSweepEvents, type EventSubscriber } from '@sweepscope/db/events';
import { readRuns } from '@sweepscope/db/runs';

/** One event as a subscriber receives it: from the stored log on replay, from NOTIFY when live. */
export interface StreamedSweepEvent {
  seq: number;
  name: StoredEventName;
  /** The epoch as stored, for `epoch:added`. */
  epoch: EpochAddedEvent | null;
  /** The run as it is now, for `run:updated`; null if it has since been deleted. */
  run: Run | null;
}

/** Options of {@link streamSweepEvents}. */
export interface StreamSweepEventsOptions {
  sweepId: number;
  /** Only this run's events. */
  runId?: number;
  /** Which events. */
  names: readonly StoredEventName[];
  /** Replay what the log holds after this `seq`; 0 replays it all. */
  after: number;
  /** Stored events read per query while replaying. @default 500 */
  pageSize?: number;
}

/**
 * A sweep's events for one subscriber: first every stored event after the cursor, then live
 * ones, in order, each once. It listens before it replays, so an event committed during the
 * replay is heard and then skipped by its `seq` if the replay already had it. Within a sweep
 * `seq` follows commit order (see publishEvent), so anything at or below the last `seq`
 * sent has been sent. When this server's LISTEN connection comes back after a drop, it
 * replays from the last `seq` sent, since NOTIFYs sent meanwhile are lost; so it does when
 * told that events were logged without a NOTIFY each (`sweep:logged`).
 */
export function streamSweepEvents(prisma: PrismaClient, events: EventSubscriber, options: StreamSweepEventsOptions): AsyncIterableIterator<StreamedSweepEvent> {
  const pageSize = options.pageSize ?? 500;
  const heard: { seq: number; name: StoredEventName; epoch: EpochAddedEvent | null; runId: number }[] = [];
  let wake: (() => void) | undefined;
  let stopped = false;
  let replayNeeded = true;
  const rouse = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const accepts = (event: { sweepId: number; runId: number }): boolean =>
    event.sweepId === options.sweepId && (options.runId === undefined || event.runId === options.runId);

  const stops = [
    ...options.names.map((name) =>
      events.on(name, (event) => {
        if (stopped || !accepts(event)) return;
        heard.push({ seq: event.seq, name, epoch: name === 'epoch:added' ? (event as EpochAddedEvent) : null, runId: event.runId });
        rouse();
      }),
    ),
    events.onReconnect(() => {
      replayNeeded = true;
      rouse();
    }),
    // An import logs its events in bulk and says so once, rather than with a NOTIFY each.
    events.on('sweep:logged', (event) => {
      if (stopped || event.sweepId !== options.sweepId) return;
      replayNeeded = true;
      rouse();
    }),
  ];
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    for (const off of stops) off();
    heard.length = 0;
    rouse();
  };

  async function readStored(after: number): Promise<StreamedSweepEvent[]> {
    const logged = await readSweepEvents(prisma, { sweepId: options.sweepId, runId: options.runId, names: options.names, after, take: pageSize });
    const runs = await readRuns(prisma, [...new Set(logged.filter((entry) => entry.name === 'run:updated').map((entry) => entry.event.runId))]);
    return logged.map(({ name, event }) => ({
      seq: event.seq,
      name,
      epoch: name === 'epoch:added' ? event : null,
      run: name === 'run:updated' ? (runs.get(event.runId) ?? null) : null,
    }));
  }

  async function* run(): AsyncGenerator<StreamedSweepEvent> {
    let last = options.after;
    try {
      while (!stopped) {
        if (replayNeeded) {
          replayNeeded = false;
          for (;;) {
            const page = await readStored(last);
            for (const event of page) {
              if (stopped) return;
              last = event.seq;
              yield event;
            }
            if (page.length < pageSize) break;
          }
          continue;
        }
        const next = heard.shift();
        if (next === undefined) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          continue;
        }
        if (next.seq <= last) continue;
        last = next.seq;
        const current = next.name === 'run:updated' ? ((await readRuns(prisma, [next.runId])).get(next.runId) ?? null) : null;
        yield { seq: next.seq, name: next.name, epoch: next.epoch, run: current };
      }
    } finally {
      stop();
    }
  }

  const generator = run();
  return {
    next: () => generator.next(),
    // Wakes a generator waiting for an event, so that it can end now rather than at the next event.
    return: (value?: unknown) => {
      stop();
      return generator.return(value);
    },
    throw: (error?: unknown) => {
      stop();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

import type { EventMap, EventName, EventSubscriber } from '@sweepscope/db/events';

/**
 * Turns one kind of event into an async iterator for a GraphQL subscription. Events are
 * queued while the client is slow, and the listener is removed when the client leaves.
 * @param accept keeps only the events this subscriber asked for
 */
export function streamEvents<E extends EventName>(
  events: EventSubscriber,
  name: E,
  accept: (event: EventMap[E]) => boolean,
): AsyncIterableIterator<EventMap[E]> {
  const buffered: EventMap[E][] = [];
  let waiting: ((result: IteratorResult<EventMap[E]>) => void) | undefined;
  let done = false;

  const stop = events.on(name, (event) => {
    if (done || !accept(event)) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: event, done: false });
    } else {
      buffered.push(event);
    }
  });

  const finish = (): Promise<IteratorResult<EventMap[E]>> => {
    done = true;
    stop();
    buffered.length = 0;
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  };

  return {
    next() {
      const next = buffered.shift();
      if (next !== undefined) return Promise.resolve({ value: next, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return: finish,
    throw: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

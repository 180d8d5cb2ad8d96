import { EventEmitter } from 'node:events';
import pg from 'pg';
import { coerceError, eventChannels, parseEventPayload, type EventMap, type EventName } from '@sweepscope/core';

// Not an event name, so no NOTIFY can collide with it.
const reconnectEvent = Symbol('reconnect');

/** A listener for one event. */
export type EventListener<E extends EventName> = (payload: EventMap[E]) => void;

/** A live LISTEN connection that hands out typed events. */
export interface EventSubscriber {
  /** Calls `listener` for every event of that name; returns the function that stops it. */
  on<E extends EventName>(name: E, listener: EventListener<E>): () => void;
  /**
   * Calls `listener` each time the connection is back after a drop. Events sent while it was
   * away were missed, so a reader replays the stored ones from its cursor.
   * @returns the function that stops it
   */
  onReconnect(listener: () => void): () => void;
  /** Closes the connection. */
  close(): Promise<void>;
}

/** Options of {@link listenForEvents}. */
export interface ListenForEventsOptions {
  /** Called when the connection breaks; it is then opened again. @default writes to stderr */
  onError?: (error: Error) => void;
  /** Called with what was wrong when a NOTIFY's payload is not its event's shape; the event is dropped. @default writes to stderr */
  onInvalid?: (error: Error) => void;
  /** Delay before reconnecting, in milliseconds. @default 1000 */
  reconnectDelayMs?: number;
}

/**
 * Opens one dedicated connection that LISTENs on every Sweepscope channel and fans events
 * out in-process. It reconnects by itself after a drop; events sent while it was away are
 * lost here, which is why readers replay from stored rows.
 * @param connectionString PostgreSQL URL
 */
export async function listenForEvents(connectionString: string, options: ListenForEventsOptions = {}): Promise<EventSubscriber> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const onError = options.onError ?? ((error) => process.stderr.write(`event listener: ${error.message}\n`));
  const onInvalid = options.onInvalid ?? ((error) => process.stderr.write(`event listener: dropped an event: ${error.message}\n`));
  const channelToEvent = new Map(Object.entries(eventChannels).map(([name, channel]) => [channel, name as EventName]));
  let closed = false;
  let client: pg.Client | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', ({ channel, payload }) => {
      const name = channelToEvent.get(channel);
      if (name === undefined || payload === undefined) return;
      // Any client of the database may NOTIFY: a payload that is not the event's shape is
      // reported and dropped, never handed to a listener.
      let event: EventMap[EventName];
      try {
        event = parseEventPayload(name, payload);
      } catch (error) {
        onInvalid(coerceError(error));
        return;
      }
      emitter.emit(name, event);
    });
    next.on('error', (error) => {
      onError(error);
      scheduleReconnect();
    });
    await next.connect();
    for (const channel of channelToEvent.keys()) await next.query(`LISTEN ${channel}`);
    const reconnected = client !== undefined;
    client = next;
    if (reconnected) emitter.emit(reconnectEvent);
  };

  let reconnecting = false;
  const scheduleReconnect = (): void => {
    if (closed || reconnecting) return;
    reconnecting = true;
    void client?.end().catch(() => {});
    setTimeout(() => {
      reconnecting = false;
      connect().catch((error: unknown) => {
        onError(error instanceof Error ? error : new Error(String(error)));
        scheduleReconnect();
      });
    }, options.reconnectDelayMs ?? 1000);
  };

  await connect();
  return {
    on(name, listener) {
      emitter.on(name, listener);
      return () => emitter.off(name, listener);
    },
    onReconnect(listener) {
      emitter.on(reconnectEvent, listener);
      return () => emitter.off(reconnectEvent, listener);
    },
    async close() {
      closed = true;
      emitter.removeAllListeners();
      await client?.end();
    },
  };
}

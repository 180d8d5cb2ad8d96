import type { EventName, EventSubscriber } from '@sweepscope/db/events';
import type { PubSub } from 'type-graphql';
import { parseId } from '../schema/parse-id.js';
import { streamEvents } from './stream-events.js';

/**
 * type-graphql's PubSub over the database's events: a topic is an event name and the topic
 * id is the sweep asked for. Only the database publishes (NOTIFY, on commit), so `publish`
 * is refused: an event sent from here would announce a row nobody stored.
 * @param events this server's LISTEN connection, or null where no subscription will run (printing the SDL)
 */
export function createEventPubSub(events: EventSubscriber | null): PubSub {
  return {
    publish(routingKey) {
      throw new Error(`Events are published by the database on commit, not by the server (got "${routingKey}").`);
    },
    subscribe(routingKey, sweepIdArgument) {
      if (!events) throw new Error('This schema was built without a database connection: subscriptions are off.');
      const sweepId = parseId(String(sweepIdArgument), 'sweepId');
      return streamEvents(events, routingKey as EventName, (event) => event.sweepId === sweepId);
    },
  };
}

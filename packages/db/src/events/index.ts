export { eventChannels, isStoredEvent, parseEventPayload, storedEventNames } from './event-map.js';
export type { EpochAddedEvent, EventInput, EventMap, EventName, RunProgressEvent, RunUpdatedEvent, StoredEventName } from './event-map.js';
export { publishEvent } from './publish-event.js';
export { listenForEvents } from './listen-for-events.js';
export type { EventListener, EventSubscriber, ListenForEventsOptions } from './listen-for-events.js';

export { eventChannels, isStoredEvent, parseEventPayload, storedEventNames } from './event-map.js';
export type { EpochAddedEvent, EventInput, EventMap, EventName, RunProgressEvent, RunUpdatedEvent, StoredEventName, SweepLoggedEvent } from './event-map.js';
export { lockEventLog, publishEvent } from './publish-event.js';
export { listenForEvents } from './listen-for-events.js';
export type { EventListener, EventSubscriber, ListenForEventsOptions } from './listen-for-events.js';

export { eventChannels, parseEventPayload } from './event-map.js';
export type { EpochAddedEvent, EventMap, EventName, RunProgressEvent, RunUpdatedEvent } from './event-map.js';
export { publishEvent } from './publish-event.js';
export { listenForEvents } from './listen-for-events.js';
export type { EventListener, EventSubscriber, ListenForEventsOptions } from './listen-for-events.js';

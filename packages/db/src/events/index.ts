export { lockEventLog, publishEvent } from './publish-event.js';
export { listenForEvents } from './listen-for-events.js';
export type { EventListener, EventSubscriber, ListenForEventsOptions } from './listen-for-events.js';
export { readEventCursor } from './read-event-cursor.js';
export { readSweepEvents } from './read-sweep-events.js';
export type { LoggedEvent, ReadSweepEventsOptions } from './read-sweep-events.js';

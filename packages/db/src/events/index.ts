export { lockEventLog, publishEvent } from './publish-event.js';
export { listenForEvents } from './listen-for-events.js';
export type { EventListener, EventSubscriber, ListenForEventsOptions } from './listen-for-events.js';

import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** Gathers connections' writes for a moment and sends each connection's as one write. */
export interface WriteCoalescer {
  /** Holds this connection's writes until the current window ends (opening one if none is open). */
  hold(socket: Socket): void;
  /** Sends everything held now, and closes the window. */
  flush(): void;
}

/**
 * Holds connections' writes for up to `windowMs` and sends what gathered on each as one
 * write. A sweep's events fanned out to 500 WebSocket subscribers are a write, and so a
 * system call, per event per socket: at 30 events a second those calls were a third of the
 * server's busy time. A socket held in an open window is corked, and the window's end
 * uncorks them all; a socket that ends meanwhile flushes as it ends.
 */
export function createWriteCoalescer(windowMs: number): WriteCoalescer {
  const held = new Set<Socket>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    for (const socket of held) socket.uncork();
    held.clear();
  };
  return {
    hold(socket) {
      if (held.has(socket) || socket.destroyed) return;
      socket.cork();
      held.add(socket);
      // Unreferenced: held writes never keep a stopping process alive.
      timer ??= setTimeout(flush, windowMs).unref();
    },
    flush,
  };
}

/**
 * Makes a WebSocket's sends go through `coalescer`: each send holds the connection and
 * reports itself done at once, as queued. graphql-ws waits for each send of a subscription
 * to be done before it sends the next, so a send that waited for its window to close would
 * let a subscriber through one event a window.
 */
export function coalesceSends(socket: WebSocket, connection: Socket, coalescer: WriteCoalescer): void {
  const send = socket.send.bind(socket);
  socket.send = ((data: string, callback?: (error?: Error) => void) => {
    coalescer.hold(connection);
    send(data);
    callback?.();
  }) as WebSocket['send'];
}

import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** Gathers connections' writes for a moment and sends each connection's as one write. */
export interface WriteCoalescer {
  /**
   * Called before each write to a connection: lets it go at once when the connection sent
   * nothing within the last window, else holds it until the current window ends (opening
   * one if none is open).
   */
  hold(socket: Socket): void;
  /** Sends everything held now, and closes the window. */
  flush(): void;
}

/**
 * Sends a connection's first write at once and holds the writes that follow it within
 * `windowMs`, sending what gathered as one write when the window ends. A sweep's events
 * fanned out to 500 WebSocket subscribers are a write, and so a system call, per event per
 * socket: at 30 events a second those calls were a third of the server's busy time. The
 * first write going at once keeps a quiet connection's events (and its connection_ack)
 * as prompt as without a window; under load each connection writes about once a window.
 * A held socket is corked, and the window's end uncorks them all; a socket that ends
 * meanwhile flushes as it ends.
 */
export function createWriteCoalescer(windowMs: number): WriteCoalescer {
  const held = new Set<Socket>();
  /** When each connection last wrote: at once, or when its held writes went. */
  const lastWrite = new WeakMap<Socket, number>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const now = performance.now();
    for (const socket of held) {
      socket.uncork();
      lastWrite.set(socket, now);
    }
    held.clear();
  };
  return {
    hold(socket) {
      if (held.has(socket) || socket.destroyed) return;
      const now = performance.now();
      if (now - (lastWrite.get(socket) ?? Number.NEGATIVE_INFINITY) >= windowMs) {
        lastWrite.set(socket, now);
        return;
      }
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

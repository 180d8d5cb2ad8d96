import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { WebSocket, WebSocketServer } from 'ws';
import { coalesceSends, createWriteCoalescer } from './create-write-coalescer.js';

/** A connected pair: the server's end, and what the client's end receives, chunk by chunk. */
async function connectPair(): Promise<{ server: Socket; chunks: string[]; close: () => void }> {
  const listener = createServer();
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const accepted = once(listener, 'connection') as Promise<[Socket]>;
  const client = connect((listener.address() as AddressInfo).port, '127.0.0.1');
  const [server] = await accepted;
  const chunks: string[] = [];
  client.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return {
    server,
    chunks,
    close: () => {
      client.destroy();
      server.destroy();
      listener.close();
    },
  };
}

describe('createWriteCoalescer', () => {
  it('sends a quiet connection’s write at once, and holds the writes after it until the window ends', async () => {
    const { server, chunks, close } = await connectPair();
    try {
      const coalescer = createWriteCoalescer(300);
      for (const message of ['a', 'b', 'c', 'd']) {
        coalescer.hold(server);
        server.write(message);
      }
      await sleep(100);
      assert.deepEqual(chunks, ['a'], 'the first write goes at once, the others wait for the window');
      await sleep(400);
      assert.deepEqual(chunks, ['a', 'bcd']);
    } finally {
      close();
    }
  });

  it('holds each write after the first for as long as the connection keeps writing within the window', async () => {
    const { server, chunks, close } = await connectPair();
    try {
      const coalescer = createWriteCoalescer(300);
      coalescer.hold(server);
      server.write('a');
      coalescer.hold(server);
      server.write('b');
      await sleep(400);
      assert.deepEqual(chunks, ['a', 'b']);
      // The held write went 300 ms after it was held, so this one is within that write's window.
      coalescer.hold(server);
      server.write('c');
      await sleep(100);
      assert.deepEqual(chunks, ['a', 'b'], 'a write soon after a held one is held in turn');
      await sleep(400);
      assert.deepEqual(chunks, ['a', 'b', 'c']);
    } finally {
      close();
    }
  });

  it('sends at once what is held when flushed, and writes again unheld after', async () => {
    const { server, chunks, close } = await connectPair();
    try {
      const coalescer = createWriteCoalescer(60_000);
      coalescer.hold(server);
      server.write('first');
      coalescer.hold(server);
      server.write('held');
      await sleep(100);
      assert.deepEqual(chunks, ['first']);
      coalescer.flush();
      await sleep(100);
      assert.deepEqual(chunks, ['first', 'held']);
      server.write('later');
      await sleep(100);
      assert.deepEqual(chunks, ['first', 'held', 'later']);
    } finally {
      close();
    }
  });
});

describe('coalesceSends', () => {
  it('reports each send done at once, and delivers the first message at once and the rest after the window', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    const coalescer = createWriteCoalescer(300);
    const serverSocket = new Promise<WebSocket>((resolve) => {
      server.on('connection', (socket, request) => {
        coalesceSends(socket, request.socket, coalescer);
        resolve(socket);
      });
    });
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const received: string[] = [];
    client.on('message', (data: Buffer) => received.push(data.toString()));
    try {
      await once(client, 'open');
      const socket = await serverSocket;
      const done: string[] = [];
      for (const message of ['one', 'two', 'three']) socket.send(message, () => done.push(message));
      assert.deepEqual(done, ['one', 'two', 'three'], 'each send is done as soon as it is queued');
      await sleep(100);
      assert.deepEqual(received, ['one'], 'only the first arrives while the window is open');
      await sleep(400);
      assert.deepEqual(received, ['one', 'two', 'three']);
    } finally {
      client.terminate();
      server.close();
    }
  });
});

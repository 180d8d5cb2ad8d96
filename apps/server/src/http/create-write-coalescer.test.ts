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
  it("holds a connection's writes until the window ends, then sends them as one", async () => {
    const { server, chunks, close } = await connectPair();
    try {
      const coalescer = createWriteCoalescer(300);
      for (const message of ['a', 'b', 'c']) {
        coalescer.hold(server);
        server.write(message);
      }
      await sleep(100);
      assert.deepEqual(chunks, [], 'nothing is sent while the window is open');
      await sleep(400);
      assert.deepEqual(chunks, ['abc']);
    } finally {
      close();
    }
  });

  it('sends at once what is held when flushed, and writes again unheld after', async () => {
    const { server, chunks, close } = await connectPair();
    try {
      const coalescer = createWriteCoalescer(60_000);
      coalescer.hold(server);
      server.write('held');
      coalescer.flush();
      await sleep(100);
      assert.deepEqual(chunks, ['held']);
      server.write('later');
      await sleep(100);
      assert.deepEqual(chunks, ['held', 'later']);
    } finally {
      close();
    }
  });
});

describe('coalesceSends', () => {
  it('reports each send done at once, and delivers the window’s messages together after it', async () => {
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
      assert.deepEqual(received, [], 'nothing arrives while the window is open');
      await sleep(400);
      assert.deepEqual(received, ['one', 'two', 'three']);
    } finally {
      client.terminate();
      server.close();
    }
  });
});

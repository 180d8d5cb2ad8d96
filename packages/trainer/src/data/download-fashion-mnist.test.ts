import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import { downloadFashionMnist } from './download-fashion-mnist.js';
import { FASHION_MNIST_FILES, FASHION_MNIST_SYSTEM_DIR } from './fashion-mnist-files.js';

const skip = existsSync(FASHION_MNIST_SYSTEM_DIR) ? false : `Fashion-MNIST not installed in ${FASHION_MNIST_SYSTEM_DIR}`;

/** Starts a server on a free loopback port. @returns its base URL, ending in `/` */
async function serve(listener: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Serves Debian's copies as if they were the canonical files, and records what was asked for. */
async function serveDebianFiles(): Promise<{ url: string; requested: string[] }> {
  const requested: string[] = [];
  const { url } = await serve((request, response) => {
    const name = (request.url ?? '').slice(1);
    requested.push(name);
    readFile(join(FASHION_MNIST_SYSTEM_DIR, name)).then(
      (bytes) => response.writeHead(200, { 'content-length': bytes.length }).end(bytes),
      () => response.writeHead(404).end(),
    );
  });
  return { url, requested };
}

const servers: Server[] = [];
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'download-fashion-mnist-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('downloadFashionMnist', () => {
  test('downloads only the files the folder lacks, verified, and reports progress', { skip }, async () => {
    const { url, requested } = await serveDebianFiles();
    const dir = join(root, 'cache', 'fashion-mnist');
    await mkdir(dir, { recursive: true });
    for (const file of [FASHION_MNIST_FILES.trainImages, FASHION_MNIST_FILES.valImages]) {
      await copyFile(join(FASHION_MNIST_SYSTEM_DIR, file.name), join(dir, file.name));
    }
    const lines: string[] = [];
    await downloadFashionMnist({ dir, sourceUrl: url, onStatus: (line) => lines.push(line) });

    assert.deepEqual(requested.sort(), [FASHION_MNIST_FILES.valLabels.name, FASHION_MNIST_FILES.trainLabels.name].sort());
    assert.deepEqual(
      (await readdir(dir)).sort(),
      Object.values(FASHION_MNIST_FILES)
        .map((file) => file.name)
        .sort(),
    );
    assert.ok(lines.includes(`downloading train-labels-idx1-ubyte.gz (29.5 kB) from ${url}train-labels-idx1-ubyte.gz: 0%`), lines.join('\n'));
    assert.ok(lines.includes('downloaded train-labels-idx1-ubyte.gz (29.5 kB), SHA-256 verified'), lines.join('\n'));
  });

  test('deletes a file whose decompressed SHA-256 differs and names both hashes', async () => {
    const { url } = await serve((_request, response) => response.end(gzipSync('not Fashion-MNIST')));
    const dir = join(root, 'fashion-mnist');
    const error = await downloadFashionMnist({ dir, sourceUrl: url }).then(
      () => assert.fail('expected a hash mismatch'),
      (thrown: unknown) => thrown,
    );

    assert.ok(error instanceof SweepscopeError);
    assert.equal(error.code, ErrorCode.Internal);
    // The first file fetched is the training images; the digest is of the text above.
    assert.match(error.message, /^train-images-idx3-ubyte\.gz downloaded from http:\/\/127\.0\.0\.1:\d+\/train-images-idx3-ubyte\.gz/);
    assert.match(error.message, new RegExp(`expected SHA-256 ${FASHION_MNIST_FILES.trainImages.sha256} of its decompressed data`));
    assert.ok(error.message.includes(`got ${createHash('sha256').update('not Fashion-MNIST').digest('hex')}.`), error.message);
    assert.deepEqual(await readdir(dir), []);
  });

  test('calls bytes that are not gzip a mismatch too', async () => {
    const { url } = await serve((_request, response) => response.end('<html>captive portal</html>'));
    const dir = join(root, 'fashion-mnist');
    await assert.rejects(downloadFashionMnist({ dir, sourceUrl: url }), /got data that is not gzip \(/);
    assert.deepEqual(await readdir(dir), []);
  });

  test('fails on an HTTP error status, keeping nothing', async () => {
    const { url } = await serve((_request, response) => response.writeHead(404, 'Not Found').end());
    const dir = join(root, 'fashion-mnist');
    await assert.rejects(
      downloadFashionMnist({ dir, sourceUrl: url }),
      new RegExp(`^Error: could not download ${url}train-images-idx3-ubyte\\.gz: expected HTTP status 200, got 404 Not Found$`),
    );
    assert.deepEqual(await readdir(dir), []);
  });

  test('gives up on a server that stops sending', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': 1000 });
      response.write(Buffer.alloc(10));
    });
    const dir = join(root, 'fashion-mnist');
    await assert.rejects(downloadFashionMnist({ dir, sourceUrl: url, idleTimeoutMs: 200 }), /expected data, got none for 200 ms/);
    assert.deepEqual(await readdir(dir), []);
  });
});

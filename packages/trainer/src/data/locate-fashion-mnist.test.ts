import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import { loadFashionMnist } from './fashion-mnist.js';
import { FASHION_MNIST_FILE_NAMES, FASHION_MNIST_SYSTEM_DIR } from './fashion-mnist-files.js';
import { locateFashionMnist } from './locate-fashion-mnist.js';
import { saveEnvironment } from '../testing/save-environment.js';

const skip = existsSync(FASHION_MNIST_SYSTEM_DIR) ? false : `Fashion-MNIST not installed in ${FASHION_MNIST_SYSTEM_DIR}`;
/** A loopback port nothing listens on, so connecting is refused at once: offline, quickly. */
let unreachable: string;

let root: string;
let server: Server;
/** The local stand-in for the canonical source: Debian's files over HTTP. */
let sourceUrl: string;
const requested: string[] = [];

async function copyDebianFilesTo(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const name of FASHION_MNIST_FILE_NAMES) await copyFile(join(FASHION_MNIST_SYSTEM_DIR, name), join(dir, name));
  return dir;
}

before(async () => {
  // Port 1 would do, but fetch refuses it as a "bad port" before trying; a port just freed is refused by the OS.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise((resolve) => closed.close(resolve));

  server = createServer((request, response) => {
    const name = (request.url ?? '').slice(1);
    requested.push(name);
    readFile(join(FASHION_MNIST_SYSTEM_DIR, name)).then(
      (bytes) => response.writeHead(200, { 'content-length': bytes.length }).end(bytes),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sourceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'locate-fashion-mnist-'));
  requested.length = 0;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('locateFashionMnist', () => {
  test('uses dataDir first, even when the cache holds the files', { skip }, async () => {
    const dataDir = await copyDebianFilesTo(join(root, 'mine'));
    await copyDebianFilesTo(join(root, 'cache', 'fashion-mnist'));
    assert.equal(await locateFashionMnist({ dataDir, cacheDir: join(root, 'cache'), sourceUrl }), dataDir);
    assert.deepEqual(requested, []);
  });

  test('refuses a dataDir that lacks files, naming it and them, without looking elsewhere', { skip }, async () => {
    const dataDir = join(root, 'mine');
    await mkdir(dataDir);
    await copyFile(join(FASHION_MNIST_SYSTEM_DIR, 'train-labels-idx1-ubyte.gz'), join(dataDir, 'train-labels-idx1-ubyte.gz'));
    const error = await locateFashionMnist({ dataDir, cacheDir: join(root, 'cache'), sourceUrl }).catch((thrown: unknown) => thrown);
    assert.ok(error instanceof SweepscopeError);
    assert.equal(error.code, ErrorCode.BadUserInput);
    assert.deepEqual(error.field, ['dataDir']);
    assert.match(
      error.message,
      new RegExp(`^dataDir ${dataDir} lacks train-images-idx3-ubyte\\.gz, t10k-images-idx3-ubyte\\.gz, t10k-labels-idx1-ubyte\\.gz: expected a folder holding`),
    );
    assert.deepEqual(requested, []);
  });

  test('finds the files in the cache before the system folder', { skip }, async () => {
    const cached = await copyDebianFilesTo(join(root, 'cache', 'fashion-mnist'));
    const lines: string[] = [];
    const found = await locateFashionMnist({
      cacheDir: join(root, 'cache'),
      systemDirs: [FASHION_MNIST_SYSTEM_DIR],
      sourceUrl,
      onStatus: (line) => lines.push(line),
    });
    assert.equal(found, cached);
    assert.deepEqual(lines, [`Fashion-MNIST: using ${cached}`]);
  });

  test('falls back to the system folder when the cache is empty', { skip }, async () => {
    assert.equal(await locateFashionMnist({ cacheDir: join(root, 'cache'), sourceUrl: unreachable }), FASHION_MNIST_SYSTEM_DIR);
  });

  test('downloads into an empty cache, after which the files load', { skip }, async () => {
    const cacheDir = join(root, 'cache');
    const lines: string[] = [];
    const found = await locateFashionMnist({ cacheDir, systemDirs: [], sourceUrl, onStatus: (line) => lines.push(line) });

    assert.equal(found, join(cacheDir, 'fashion-mnist'));
    assert.deepEqual([...requested].sort(), [...FASHION_MNIST_FILE_NAMES].sort());
    assert.deepEqual((await readdir(found)).sort(), [...FASHION_MNIST_FILE_NAMES].sort());
    assert.equal(lines[0], `Fashion-MNIST not found in ${found}: downloading it from ${sourceUrl} into ${found}`);
    assert.ok(lines.includes(`downloading train-images-idx3-ubyte.gz (26.4 MB) from ${sourceUrl}train-images-idx3-ubyte.gz: 0%`), lines.join('\n'));

    // Found in the cache now, with nothing more asked of the server (limits beyond the slice
    // that ships with Sweepscope, which would answer first).
    requested.length = 0;
    const dataset = await loadFashionMnist({ cacheDir, systemDirs: [], sourceUrl, inputSize: 28, trainLimit: 3000, valLimit: 1500 });
    assert.equal(dataset.train.count, 3000);
    assert.equal(dataset.val.count, 1500);
    assert.deepEqual(dataset.skipped, []);
    assert.deepEqual(requested, []);
  });

  test('when offline, lists every place looked at and both ways to get the files', async () => {
    const cacheDir = join(root, 'cache');
    const system = join(root, 'no-such-system-folder');
    const error = await locateFashionMnist({ cacheDir, systemDirs: [system], sourceUrl: unreachable }).catch((thrown: unknown) => thrown);

    assert.ok(error instanceof SweepscopeError);
    assert.equal(error.code, ErrorCode.BadUserInput);
    assert.deepEqual(error.field, ['dataDir']);
    assert.ok(error.cause instanceof Error);
    const cache = join(cacheDir, 'fashion-mnist');
    assert.match(
      error.message,
      /^Fashion-MNIST was not found, and downloading it failed \(could not download http:\/\/127\.0\.0\.1:\d+\/train-images-idx3-ubyte\.gz: fetch failed: connect ECONNREFUSED/,
    );
    assert.ok(error.message.includes(`\n  ${cache} (does not exist)\n`), error.message);
    assert.ok(error.message.includes(`\n  ${system} (does not exist)\n`), error.message);
    assert.ok(error.message.includes('`apt-get install dataset-fashion-mnist`'), error.message);
    assert.ok(error.message.includes('--data-dir'), error.message);
    assert.ok(error.message.includes(`downloaded from ${unreachable} into ${cache}.`), error.message);
    // The cache folder was made for the download, but holds nothing.
    assert.deepEqual(await readdir(cache), []);
  });

  test('takes the cache folder and the source from the environment', async () => {
    const restore = saveEnvironment(['SWEEPSCOPE_CACHE_DIR', 'SWEEPSCOPE_FASHION_MNIST_URL']);
    process.env.SWEEPSCOPE_CACHE_DIR = join(root, 'env-cache');
    process.env.SWEEPSCOPE_FASHION_MNIST_URL = `${unreachable}mirror`;
    try {
      await assert.rejects(
        locateFashionMnist({ systemDirs: [] }),
        (error: Error) =>
          error.message.includes(`\n  ${join(root, 'env-cache', 'fashion-mnist')} (does not exist)\n`) &&
          error.message.includes(`could not download ${unreachable}mirror/train-images-idx3-ubyte.gz`),
      );
    } finally {
      restore();
    }
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import { coerceError, ErrorCode, formatBytes, SweepscopeError } from '@sweepscope/core';

import { FASHION_MNIST_FILES, type FashionMnistFile } from './fashion-mnist-files.js';

/** Options for {@link downloadFashionMnist}. */
export interface DownloadFashionMnistOptions {
  /** Folder to keep the files in; created (with its parents) when missing. */
  dir: string;
  /** Base URL the file names are appended to, ending in `/`, e.g. the canonical S3 site. */
  sourceUrl: string;
  /**
   * Receives one line of progress at a time, e.g.
   * `"downloading train-images-idx3-ubyte.gz (26.4 MB) from http://…: 45%"`.
   * A throw inside it aborts the download.
   */
  onStatus?: (line: string) => void;
  /** Gives up on a file when no bytes arrive for this long, in milliseconds. @default 30000 */
  idleTimeoutMs?: number;
  /** Least time between two progress lines of one file, in milliseconds. @default 1000 */
  progressIntervalMs?: number;
}

/**
 * Downloads whichever of Fashion-MNIST's four files `dir` lacks. Each file is written to
 * a hidden temporary file in `dir`, its decompressed bytes are checked against the known
 * SHA-256, and only then is it renamed into place, so `dir` never holds a partial or
 * wrong file under a real name (and two processes downloading at once do no harm).
 *
 * @throws SweepscopeError INTERNAL naming the file, the expected and the actual hash when a
 *   download does not match (the file is deleted)
 * @throws Error with the network or file-system failure as `cause` when a file cannot be
 *   fetched (offline, HTTP status other than 200, no bytes for `idleTimeoutMs`) or written
 */
export async function downloadFashionMnist(options: DownloadFashionMnistOptions): Promise<void> {
  const { dir } = options;
  await mkdir(dir, { recursive: true });
  for (const file of Object.values(FASHION_MNIST_FILES)) {
    const path = join(dir, file.name);
    const present = await access(path).then(
      () => true,
      () => false,
    );
    if (!present) await downloadFile(file, path, options);
  }
}

async function downloadFile(file: FashionMnistFile, path: string, options: DownloadFashionMnistOptions): Promise<void> {
  const url = new URL(file.name, options.sourceUrl).href;
  const temporary = join(options.dir, `.${file.name}.${randomBytes(6).toString('hex')}.part`);
  try {
    const bytes = await fetchToFile(url, temporary, file.name, options);
    const actual = await sha256OfGunzipped(temporary);
    if (actual !== file.sha256) {
      throw new SweepscopeError(
        ErrorCode.Internal,
        `${file.name} downloaded from ${url} is not Fashion-MNIST's: expected SHA-256 ${file.sha256} of its decompressed data, ` +
          `got ${actual}. The download was deleted; try again, or install the files with \`apt-get install dataset-fashion-mnist\`.`,
      );
    }
    await rename(temporary, path);
    options.onStatus?.(`downloaded ${file.name} (${formatBytes(bytes)}), SHA-256 verified`);
  } finally {
    // After a successful rename there is nothing left to remove; `force` makes that a no-op.
    await rm(temporary, { force: true });
  }
}

/** Streams `url` into a new file at `path`. @returns the number of bytes written */
async function fetchToFile(url: string, path: string, name: string, options: DownloadFashionMnistOptions): Promise<number> {
  const { onStatus, idleTimeoutMs = 30_000, progressIntervalMs = 1000 } = options;
  const controller = new AbortController();
  // A stalled connection would otherwise wait forever; a total timeout would fail slow links.
  const idle = setTimeout(() => controller.abort(new Error(`expected data, got none for ${idleTimeoutMs} ms`)), idleTimeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (response.status !== 200 || response.body === null) {
      throw new Error(`expected HTTP status 200, got ${response.status} ${response.statusText}`.trim());
    }
    // With a content encoding, fetch undoes it and the header counts the encoded bytes, not ours.
    const encoded = response.headers.has('content-encoding');
    const length = encoded ? undefined : Number(response.headers.get('content-length')) || undefined;
    const size = length === undefined ? '' : ` (${formatBytes(length)})`;
    const report = (received: number): void => {
      const done = length === undefined ? `${formatBytes(received)}` : `${Math.floor((100 * received) / length)}%`;
      onStatus?.(`downloading ${name}${size} from ${url}: ${done}`);
    };
    const handle = await open(path, 'wx');
    let received = 0;
    try {
      report(0);
      let reportedAt = Date.now();
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        idle.refresh();
        await handle.write(chunk);
        received += chunk.byteLength;
        if (Date.now() - reportedAt >= progressIntervalMs) {
          reportedAt = Date.now();
          report(received);
        }
      }
    } finally {
      await handle.close();
    }
    if (length !== undefined && received !== length) {
      throw new Error(`expected ${length} bytes, got ${received}`);
    }
    return received;
  } catch (thrown) {
    const error = coerceError(thrown);
    throw new Error(`could not download ${url}: ${describeFailure(error)}`, { cause: thrown });
  } finally {
    clearTimeout(idle);
  }
}

/** SHA-256 of a gzip file's decompressed bytes, or a description of why it would not decompress. */
async function sha256OfGunzipped(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(path), createGunzip(), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) hash.update(chunk);
    });
  } catch (thrown) {
    return `data that is not gzip (${coerceError(thrown).message})`;
  }
  return hash.digest('hex');
}

/** Undici reports a refused connection as "fetch failed" with the reason in `cause`. */
function describeFailure(error: Error): string {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

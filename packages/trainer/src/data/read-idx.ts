import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/** IDX type code for unsigned bytes, the only type MNIST-style files use. */
const IDX_UBYTE = 0x08;

/** A parsed IDX array of unsigned bytes. */
export interface IdxArray {
  /** Dimension sizes, e.g. `[60000, 28, 28]` for images or `[60000]` for labels. */
  shape: number[];
  /** Values in row-major order; `data.length` is the product of `shape`. */
  data: Uint8Array;
}

/**
 * Parses an uncompressed IDX buffer (the MNIST format): two zero bytes, a
 * type code, the number of dimensions, then each size as a big-endian
 * uint32, then the data.
 *
 * @param buffer the file's bytes, already gunzipped
 * @param source file name used in error messages
 * @throws Error when the header is malformed, the type is not unsigned byte, or the data is short
 */
export function parseIdx(buffer: Uint8Array, source = 'IDX buffer'): IdxArray {
  if (buffer.length < 4 || buffer[0] !== 0 || buffer[1] !== 0) {
    throw new Error(`${source}: expected an IDX magic number starting 0x0000, got ${hexHead(buffer)}`);
  }
  const type = buffer[2];
  if (type !== IDX_UBYTE) {
    throw new Error(`${source}: expected IDX type 0x08 (unsigned byte), got 0x${(type ?? 0).toString(16)}`);
  }
  const rank = buffer[3] ?? 0;
  const headerLength = 4 + 4 * rank;
  if (buffer.length < headerLength) {
    throw new Error(`${source}: expected a ${headerLength}-byte header, got ${buffer.length} bytes`);
  }
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const shape: number[] = [];
  for (let d = 0; d < rank; d += 1) shape.push(view.getUint32(4 + 4 * d, false));
  const size = shape.reduce((a, b) => a * b, 1);
  if (buffer.length - headerLength < size) {
    throw new Error(`${source}: expected ${size} data bytes for shape [${shape.join(', ')}], got ${buffer.length - headerLength}`);
  }
  // Copy so the (large) decompressed buffer is not kept alive by a view.
  const data = buffer.slice(headerLength, headerLength + size);
  return { shape, data };
}

/**
 * Reads and parses a gzip-compressed IDX file such as
 * `train-images-idx3-ubyte.gz`.
 *
 * @param path path of the `.gz` file
 * @throws Error from the file system (e.g. `code: 'ENOENT'`), from zlib on corrupt data, or from {@link parseIdx}
 */
export async function readIdxFile(path: string): Promise<IdxArray> {
  const compressed = await readFile(path);
  const raw = await gunzipAsync(compressed);
  return parseIdx(raw, path);
}

function hexHead(buffer: Uint8Array): string {
  return `0x${Buffer.from(buffer.subarray(0, 4)).toString('hex') || '(empty)'}`;
}

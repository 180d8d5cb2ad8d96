/** An image decoded to interleaved 8-bit RGB. */
export interface RgbImage {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** Pixels `[height, width, 3]`, row-major from the top row. */
  data: Uint8Array;
}

/** Compression codes of the BMP header that this reader handles. */
const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

/** Largest side accepted, in pixels: a corrupt header must not make us allocate gigabytes. */
const MAX_SIDE = 30_000;

/**
 * Tells whether bytes start like a Windows bitmap (`"BM"`), so callers can route them to
 * {@link decodeBmp}.
 */
export function isBmp(bytes: Uint8Array): boolean {
  return bytes[0] === 0x42 && bytes[1] === 0x4d;
}

/**
 * Decodes an uncompressed Windows bitmap. sharp's bundled libvips reads no BMP, yet
 * Keras accepts them, so the common kinds are read here: 1-, 4- and 8-bit palettes,
 * 16-bit 5-5-5, 24-bit, and 16- or 32-bit with bit-field masks, bottom-up or top-down.
 * Where an alpha mask is given, transparency is flattened onto black, as `decodeImage`
 * does for other formats; without one, the fourth byte of 32-bit pixels is padding.
 *
 * @param bytes the whole `.bmp` file
 * @returns the pixels as RGB, top row first
 * @throws Error saying what was expected and what was found, for a truncated file, an
 *   RLE- or JPEG-compressed bitmap, or a header out of range
 */
export function decodeBmp(bytes: Uint8Array): RgbImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isBmp(bytes) || bytes.length < 26) throw new Error(`expected a BMP file starting "BM", got ${bytes.length} bytes that do not`);
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const core = headerSize === 12;
  if (!core && (headerSize < 40 || bytes.length < 14 + headerSize)) {
    throw new Error(`expected a BMP header of 12 or at least 40 bytes, got ${headerSize}`);
  }
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const signedHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const bitsPerPixel = view.getUint16(core ? 24 : 28, true);
  const compression = core ? BI_RGB : view.getUint32(30, true);
  const height = Math.abs(signedHeight);
  const topDown = signedHeight < 0;
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
    throw new Error(`expected BMP sides between 1 and ${MAX_SIDE} pixels, got ${width}×${height}`);
  }
  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS) {
    throw new Error(`expected an uncompressed BMP (compression 0 or 3), got compression ${compression}`);
  }

  const stride = Math.floor((bitsPerPixel * width + 31) / 32) * 4;
  if (pixelOffset + stride * height > bytes.length) {
    throw new Error(`expected ${stride * height} bytes of pixels from byte ${pixelOffset}, got ${bytes.length - pixelOffset}`);
  }
  const readPixel = pixelReader(bytes, view, bitsPerPixel, compression, headerSize);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x += 1) readPixel(row, x, data, (y * width + x) * 3);
  }
  return { width, height, data };
}

type PixelReader = (row: number, x: number, target: Uint8Array, at: number) => void;

function pixelReader(bytes: Uint8Array, view: DataView, bitsPerPixel: number, compression: number, headerSize: number): PixelReader {
  const core = headerSize === 12;
  if (bitsPerPixel === 1 || bitsPerPixel === 4 || bitsPerPixel === 8) {
    const entrySize = core ? 3 : 4;
    const paletteStart = 14 + headerSize;
    const used = core ? 0 : view.getUint32(46, true);
    const entries = used === 0 ? 2 ** bitsPerPixel : used;
    const perByte = 8 / bitsPerPixel;
    const mask = 2 ** bitsPerPixel - 1;
    return (row, x, target, at) => {
      const byte = bytes[row + Math.floor(x / perByte)] ?? 0;
      const index = (byte >> ((perByte - 1 - (x % perByte)) * bitsPerPixel)) & mask;
      if (index >= entries) throw new Error(`expected palette indices below ${entries}, got ${index}`);
      const entry = paletteStart + index * entrySize;
      target[at] = bytes[entry + 2] ?? 0;
      target[at + 1] = bytes[entry + 1] ?? 0;
      target[at + 2] = bytes[entry] ?? 0;
    };
  }
  if (bitsPerPixel === 24 && compression === BI_RGB) {
    return (row, x, target, at) => {
      const p = row + 3 * x;
      target[at] = bytes[p + 2] ?? 0;
      target[at + 1] = bytes[p + 1] ?? 0;
      target[at + 2] = bytes[p] ?? 0;
    };
  }
  if (bitsPerPixel === 16 || bitsPerPixel === 32) {
    // Without masks, 16-bit is 5-5-5 and 32-bit is BGRx; with them the masks (right after a
    // 40-byte header, or inside a larger one) say where each channel's bits are.
    const masks =
      compression === BI_RGB
        ? bitsPerPixel === 16
          ? [0x7c00, 0x03e0, 0x001f]
          : [0xff0000, 0x00ff00, 0x0000ff]
        : [view.getUint32(54, true), view.getUint32(58, true), view.getUint32(62, true)];
    const channels = masks.map(channelOf);
    // Only an explicit alpha mask makes the fourth byte alpha: in plain 32-bit files it is
    // padding, often zero, and reading it as alpha would blacken the whole image.
    const hasAlphaMask = compression !== BI_RGB && (headerSize >= 56 || compression === BI_ALPHABITFIELDS);
    const alphaMask = hasAlphaMask ? view.getUint32(66, true) : 0;
    const alpha = channelOf(alphaMask);
    const read = bitsPerPixel === 16 ? (p: number) => view.getUint16(p, true) : (p: number) => view.getUint32(p, true);
    const bytesPerPixel = bitsPerPixel / 8;
    return (row, x, target, at) => {
      const value = read(row + bytesPerPixel * x);
      const weight = alphaMask === 0 ? 1 : alpha(value) / 255;
      channels.forEach((channel, c) => {
        target[at + c] = Math.round(channel(value) * weight);
      });
    };
  }
  throw new Error(`expected 1, 4, 8, 16, 24 or 32 bits per pixel, got ${bitsPerPixel} (compression ${compression})`);
}

/** Makes a function that extracts the channel a bit mask selects, scaled to 0–255. */
function channelOf(mask: number): (value: number) => number {
  if (mask === 0) return () => 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift += 1;
  const max = mask >>> shift;
  return (value) => Math.round((((value & mask) >>> shift) * 255) / max);
}

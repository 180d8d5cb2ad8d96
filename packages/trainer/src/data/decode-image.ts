import { readFile } from 'node:fs/promises';

import sharp from 'sharp';

import { decodeBmp, isBmp } from './decode-bmp.js';
import { resizeBilinearRgb } from './resize-bilinear.js';

/**
 * Decodes one image file into a square RGB image the way Keras'
 * `image_dataset_from_directory` prepares it by default: squashed to `size × size`
 * ignoring the aspect ratio, with bilinear interpolation (half-pixel centres, no
 * antialiasing). sharp decodes at full size and the resize is done by
 * `resizeBilinearRgb`, because libvips' own resize antialiases and so gives other pixels.
 * Before the resize the image is turned upright by its EXIF orientation, transparency
 * is flattened onto black (TensorFlow drops the alpha channel, and transparent pixels
 * are most often stored black), grey and CMYK become sRGB, and 16-bit becomes 8-bit.
 * Only the first frame of an animated GIF or WebP, or page of a TIFF, is read. Formats
 * are told by content, not extension; BMP, which sharp's libvips lacks, goes to `decodeBmp`.
 *
 * @param path an image file: JPEG, PNG, WebP, GIF, TIFF (as sharp reads them) or BMP
 * @param size height and width of the result, in pixels
 * @param target where to write `[size, size, 3]` uint8 RGB; a new array when left out
 * @returns `target`, or the new array
 * @throws Error from the file system, sharp or `decodeBmp` when the file is unreadable, corrupt or not an image
 */
export async function decodeImage(path: string, size: number, target = new Uint8Array(size * size * 3)): Promise<Uint8Array> {
  const bytes = await readFile(path);
  if (isBmp(bytes)) {
    const bitmap = decodeBmp(bytes);
    resizeBilinearRgb(bitmap.data, bitmap.height, bitmap.width, size, target);
    return target;
  }
  const { data, info } = await sharp(bytes, { autoOrient: true })
    .flatten({ background: { r: 0, g: 0, b: 0 } })
    .toColourspace('srgb')
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || data.length !== info.width * info.height * 3) {
    throw new Error(`expected ${info.width}×${info.height}×3 bytes of RGB, got ${info.channels} channels in ${data.length} bytes`);
  }
  resizeBilinearRgb(data, info.height, info.width, size, target);
  return target;
}

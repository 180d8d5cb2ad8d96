/**
 * Resizes one interleaved RGB uint8 image to a square, ignoring its aspect ratio,
 * with bilinear interpolation at half-pixel centres and no antialiasing, like
 * TensorFlow 2's `tf.image.resize`: what Keras' `image_dataset_from_directory` does by
 * default. Done in plain JS, one image at a time, because a whole folder through a tfjs
 * backend would need float32 copies of every image at once.
 *
 * @param source pixels `[height, width, 3]`, row-major
 * @param height source height in pixels
 * @param width source width in pixels
 * @param size target height and width in pixels
 * @param target output `[size, size, 3]`; written in place
 */
export function resizeBilinearRgb(source: Uint8Array, height: number, width: number, size: number, target: Uint8Array): void {
  resizeBilinear(source, height, width, 3, size, target);
}

function resizeBilinear(source: Uint8Array, height: number, width: number, channels: number, size: number, target: Uint8Array): void {
  const scaleY = height / size;
  const scaleX = width / size;
  for (let y = 0; y < size; y += 1) {
    const sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), height - 1);
    const y0 = Math.floor(sy);
    const y1 = Math.min(y0 + 1, height - 1);
    const fy = sy - y0;
    for (let x = 0; x < size; x += 1) {
      const sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), width - 1);
      const x0 = Math.floor(sx);
      const x1 = Math.min(x0 + 1, width - 1);
      const fx = sx - x0;
      const topLeft = (y0 * width + x0) * channels;
      const topRight = (y0 * width + x1) * channels;
      const bottomLeft = (y1 * width + x0) * channels;
      const bottomRight = (y1 * width + x1) * channels;
      const out = (y * size + x) * channels;
      for (let c = 0; c < channels; c += 1) {
        const top = (source[topLeft + c] ?? 0) * (1 - fx) + (source[topRight + c] ?? 0) * fx;
        const bottom = (source[bottomLeft + c] ?? 0) * (1 - fx) + (source[bottomRight + c] ?? 0) * fx;
        target[out + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
}

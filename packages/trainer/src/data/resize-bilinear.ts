/**
 * Resizes one single-channel uint8 image with bilinear interpolation, using
 * half-pixel centres like TensorFlow 2's `tf.image.resize` (no
 * antialiasing), so images match what a Keras pipeline would feed.
 * Done in plain JS because a whole data set through the tfjs 'cpu' backend
 * would need float32 copies of every image at once.
 *
 * @param source pixels `[height, width]`, row-major
 * @param height source height in pixels
 * @param width source width in pixels
 * @param size target height and width in pixels
 * @param target output `[size, size]`; written in place
 */
export function resizeBilinearGrey(
  source: Uint8Array,
  height: number,
  width: number,
  size: number,
  target: Uint8Array,
): void {
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
      const top = (source[y0 * width + x0] ?? 0) * (1 - fx) + (source[y0 * width + x1] ?? 0) * fx;
      const bottom = (source[y1 * width + x0] ?? 0) * (1 - fx) + (source[y1 * width + x1] ?? 0) * fx;
      target[y * size + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
}

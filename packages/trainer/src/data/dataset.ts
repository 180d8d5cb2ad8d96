/**
 * One split of an image-classification data set, kept as bytes: 60,000
 * images at 32×32×3 take 184 MB as uint8 but 737 MB as float32, so images
 * are normalised to float32 only one batch at a time (see `makeBatches`).
 */
export interface Split {
  /** Pixels 0–255, row-major `[count, size, size, 3]` (NHWC, RGB). */
  images: Uint8Array;
  /**
   * Side of the stored images, in pixels. It may be less than the model's input size: batches
   * are resized as they are made, so Fashion-MNIST for a 224×224 model is kept at its own
   * 28×28 (141 MB) rather than 9 GB, more than a typed array can hold.
   */
  size: number;
  /** Class index per image, `[count]`, each in `[0, numClasses)`. */
  labels: Int32Array;
  /** Number of images in the split. */
  count: number;
}

/** An image file that was left out of a data set because it could not be decoded. */
export interface SkippedImage {
  /** Path of the file, as found under the data set's folder. */
  path: string;
  /** Why it was left out, e.g. sharp's `"Input file contains unsupported image format"`. */
  reason: string;
}

/** An image-classification data set with a training and a validation split. */
export interface Dataset {
  /** Short identifier, e.g. `'fashion-mnist'`, `'synthetic'` or `'images'`. */
  name: string;
  /** Number of classes; labels run from 0 to `numClasses - 1`. */
  numClasses: number;
  /** Height and width of every (square) image, in pixels. */
  inputSize: number;
  /** Images the model trains on. */
  train: Split;
  /** Images the model is evaluated on after every epoch. */
  val: Split;
  /** Files left out as unreadable, in path order; always empty for generated and IDX sets. */
  skipped: readonly SkippedImage[];
}

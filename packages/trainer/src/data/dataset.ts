/**
 * One split of an image-classification data set, kept as bytes: 60,000
 * images at 32×32×3 take 184 MB as uint8 but 737 MB as float32, so images
 * are normalised to float32 only one batch at a time (see `makeBatches`).
 */
export interface Split {
  /** Pixels 0–255, row-major `[count, inputSize, inputSize, 3]` (NHWC, RGB). */
  images: Uint8Array;
  /** Class index per image, `[count]`, each in `[0, numClasses)`. */
  labels: Int32Array;
  /** Number of images in the split. */
  count: number;
}

/** An image-classification data set with a training and a validation split. */
export interface Dataset {
  /** Short identifier, e.g. `'fashion-mnist'` or `'synthetic'`. */
  name: string;
  /** Number of classes; labels run from 0 to `numClasses - 1`. */
  numClasses: number;
  /** Height and width of every (square) image, in pixels. */
  inputSize: number;
  /** Images the model trains on. */
  train: Split;
  /** Images the model is evaluated on after every epoch. */
  val: Split;
}

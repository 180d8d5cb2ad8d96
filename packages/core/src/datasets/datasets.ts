/** Data sets a worker can load. */
export const datasetNames = ['synthetic', 'fashion-mnist', 'images'] as const;
/** A data set a worker can load. */
export type DatasetName = (typeof datasetNames)[number];

/** Images of Fashion-MNIST's training split. */
export const fashionMnistTrainImages = 60_000;

/**
 * Training and validation images the synthetic set makes when no limit is given: few, so a
 * CPU trains it in seconds. With a limit it makes exactly that many.
 */
export const syntheticDefaultImages = { train: 128, val: 64 } as const;

/**
 * How many images each epoch of a sweep trains on, known from its settings alone: a
 * Fashion-MNIST limit capped at the split's size, or the synthetic set's count. Null for an
 * image folder (known only once read) or a data set trained elsewhere.
 */
export function countTrainingImages(sweep: { dataset: string; trainLimit: number | null }): number | null {
  switch (sweep.dataset) {
    case 'fashion-mnist':
      return Math.min(sweep.trainLimit ?? fashionMnistTrainImages, fashionMnistTrainImages);
    case 'synthetic':
      return sweep.trainLimit ?? syntheticDefaultImages.train;
    default:
      return null;
  }
}

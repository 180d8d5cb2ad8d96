/** One row of the reference study's results table: a cell's final epoch, as Keras printed it. */
export interface ReferenceRow {
  /** The run's number in the study's table, 1–5. */
  run: number;
  batchSize: number;
  learningRate: number;
  /** The number of the epoch these metrics are from: the last of 50. */
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
  /** The study author's reading of the run's curves. */
  reading: string;
}

/**
 * The reference study (`seed-experiment.md`): MobileNetV2 from ImageNet weights, plain SGD,
 * 50 epochs, five cells, final epochs only. Sweepscope ships it as a built-in, read-only
 * sweep, and its conclusions set any sweep holding these cells beside it.
 */
export const referenceStudy = {
  /** The built-in sweep's key. */
  key: 'reference-study',
  name: 'Reference study: MobileNetV2 batch size × learning rate (blog post, day 5)',
  /** The post does not name its data set; its numbers fit a small fine-grained set. */
  dataset: 'unnamed (reference study)',
  alpha: 1,
  inputSize: 224,
  batchNormMomentum: 0.999,
  epochs: 50,
  shuffleBuffer: 1000,
  weights: 'imagenet',
  rows: [
    {
      run: 1,
      batchSize: 128,
      learningRate: 0.1,
      epoch: 50,
      loss: 0.0032,
      accuracy: 1.0,
      valLoss: 2.363,
      valAccuracy: 0.45,
      reading: 'Train and validation loss fall very differently; validation accuracy is poor (45%).',
    },
    {
      run: 2,
      batchSize: 128,
      learningRate: 0.001,
      epoch: 50,
      loss: 1.9535,
      accuracy: 0.8559,
      valLoss: 3.7203,
      valAccuracy: 0.2196,
      reading: 'Train and validation loss fall together, but progress is very slow: the learning rate is too low.',
    },
    {
      run: 3,
      batchSize: 32,
      learningRate: 0.1,
      epoch: 50,
      loss: 0.00084681,
      accuracy: 1.0,
      valLoss: 0.5873,
      valAccuracy: 0.8382,
      reading: 'Both losses fall fast; the best model (83.8%).',
    },
    {
      run: 4,
      batchSize: 32,
      learningRate: 0.001,
      epoch: 50,
      loss: 0.3136,
      accuracy: 0.999,
      valLoss: 1.7577,
      valAccuracy: 0.6902,
      reading: 'Healthy curves, but much slower than run 3; a small learning rate needs more epochs.',
    },
    {
      run: 5,
      batchSize: 64,
      learningRate: 0.01,
      epoch: 50,
      loss: 0.0218,
      accuracy: 1.0,
      valLoss: 1.7184,
      valAccuracy: 0.6441,
      reading: 'Training runs ahead of validation; 64.4%.',
    },
  ] satisfies ReferenceRow[],
  /**
   * The post's two findings, which a sweep holding these cells can check: the learning
   * rate matters most, and a smaller learning rate for a larger batch did not help.
   */
  findings: ['Picking the right learning rate matters most for healthy training.', 'Using a smaller learning rate for a larger batch did not help.'],
} as const;

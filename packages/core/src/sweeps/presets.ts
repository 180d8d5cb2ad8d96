/** Names of the built-in starting points for a sweep's settings. */
export const presetNames = ['seed', 'quick', 'smoke'] as const;
/** A built-in starting point for a sweep's settings. */
export type PresetName = (typeof presetNames)[number];

/** The settings a preset fixes; anything given explicitly overrides them. */
export interface Preset {
  /** One line for `--help` and the dashboard. */
  description: string;
  dataset: 'synthetic' | 'fashion-mnist';
  /** Cells as `batchSize:learningRate` text. */
  cells: string;
  epochs: number;
  alpha: number;
  inputSize: number;
  /** Momentum of every batch-norm layer's moving statistics; {@link presets} says why each has its own. */
  batchNormMomentum: number;
  shuffleBuffer: number;
  trainLimit: number | null;
  valLimit: number | null;
}

/** The five cells of the reference study (`seed-experiment.md`), in its table's order. */
export const referenceCells = '128:0.1,128:0.001,32:0.1,32:0.001,64:0.01';

/** The preset a sweep starts from when none is named: the one a 2-core machine can finish. */
export const defaultPreset: PresetName = 'quick';

/**
 * Every preset. `seed` is the reference protocol exactly (MobileNetV2 α 1.0 at 224×224,
 * 50 epochs, `shuffle(1000)`, the five reference cells, all of the data) and wants a GPU;
 * the reference's data set is unnamed, so it trains on Fashion-MNIST unless told otherwise.
 * `quick` keeps the five cells and the protocol but shrinks the model (α 0.35, 32×32) and
 * the data (a stratified 2,000 / 1,000 images) so a CPU can finish the sweep.
 * `smoke` trains two cells on a few synthetic images in seconds, for tests.
 *
 * Batch norm: `seed` keeps Keras' 0.999, which suits the reference's ImageNet start (the
 * moving statistics arrive with the weights) and its thousands of steps. `quick` and
 * `smoke` train from scratch for a few hundred steps at most, after which 0.999 statistics
 * are still mostly their initial values and every validation number is chance (measured:
 * 10.0 % on all five quick cells for all 10 epochs while training accuracy reached 84 %);
 * they use 0.9, PyTorch's default (its `momentum=0.1`), which tracks the last ten batches.
 */
export const presets: { readonly [P in PresetName]: Preset } = {
  seed: {
    description: 'the reference protocol exactly: α 1.0, 224×224, 50 epochs, the five reference cells (for a GPU)',
    dataset: 'fashion-mnist',
    cells: referenceCells,
    epochs: 50,
    alpha: 1,
    inputSize: 224,
    batchNormMomentum: 0.999,
    shuffleBuffer: 1000,
    trainLimit: null,
    valLimit: null,
  },
  quick: {
    description: 'the five reference cells on Fashion-MNIST, α 0.35 at 32×32, 2,000 training images, 10 epochs (the default)',
    dataset: 'fashion-mnist',
    cells: referenceCells,
    epochs: 10,
    alpha: 0.35,
    inputSize: 32,
    batchNormMomentum: 0.9,
    shuffleBuffer: 1000,
    trainLimit: 2000,
    valLimit: 1000,
  },
  smoke: {
    description: 'two cells, one epoch on 32 synthetic images: seconds, for tests',
    dataset: 'synthetic',
    cells: '8:0.1,16:0.01',
    epochs: 1,
    alpha: 0.35,
    inputSize: 32,
    batchNormMomentum: 0.9,
    shuffleBuffer: 1000,
    trainLimit: 32,
    valLimit: 16,
  },
};

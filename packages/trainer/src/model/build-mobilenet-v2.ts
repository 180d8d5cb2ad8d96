import * as tf from '@tensorflow/tfjs';

import { BatchNormalization } from './batch-normalization-layer.js';
import { Conv2D } from './conv2d-layer.js';
import { ReLU } from './relu6-layer.js';

/** Options for {@link buildMobileNetV2Base}. */
export interface BuildMobileNetV2BaseOptions {
  /**
   * Width multiplier α: scales every layer's channel count (rounded to a
   * multiple of 8 as Keras does). Keras ships weights for 0.35, 0.5, 0.75,
   * 1.0, 1.3 and 1.4; any positive value builds.
   */
  alpha: number;
  /** Height and width of the square input image, in pixels (≥ 1). */
  inputSize: number;
  /**
   * Seed for the kernel initialisers. Each layer gets `seed + i`, so two
   * builds with the same seed start from identical weights.
   * @default undefined (unseeded, different every build)
   */
  seed?: number;
  /**
   * Momentum of every BatchNormalization layer's moving mean and variance,
   * which inference (validation) uses. Keras' 0.999 suits a start from
   * pretrained weights; a short run from scratch wants less (PyTorch's 0.9).
   * @default 0.999
   */
  batchNormMomentum?: number;
}

/** Options for {@link buildClassifier}. */
export interface BuildClassifierOptions extends BuildMobileNetV2BaseOptions {
  /** Number of classes: width of the logits output. */
  numClasses: number;
}

/** Keras' BatchNormalization settings in MobileNetV2. */
const KERAS_BN_MOMENTUM = 0.999;
const BN_EPSILON = 1e-3;

/** Width of the last 1×1 convolution at α ≤ 1. */
const LAST_BLOCK_FILTERS = 1280;

/**
 * Inverted residual blocks after the stem, in Keras' order:
 * [output filters at α = 1, stride, expansion factor].
 */
const BLOCKS: ReadonlyArray<readonly [filters: number, stride: 1 | 2, expansion: number]> = [
  [16, 1, 1],
  [24, 2, 6],
  [24, 1, 6],
  [32, 2, 6],
  [32, 1, 6],
  [32, 1, 6],
  [64, 2, 6],
  [64, 1, 6],
  [64, 1, 6],
  [64, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [160, 2, 6],
  [160, 1, 6],
  [160, 1, 6],
  [320, 1, 6],
];

/**
 * Rounds a channel count the way Keras' `_make_divisible` does: to the
 * nearest multiple of `divisor`, never below `divisor`, and never more than
 * 10 % below `v`.
 *
 * @param v channel count before rounding (may be fractional)
 * @param divisor the multiple to round to
 * @returns the rounded channel count
 */
export function makeDivisible(v: number, divisor = 8): number {
  // Python's int() truncates toward zero; v is positive here, so floor matches.
  let rounded = Math.max(divisor, Math.floor(Math.floor(v + divisor / 2) / divisor) * divisor);
  if (rounded < 0.9 * v) rounded += divisor;
  return rounded;
}

/** What the layers of one build share: seeded initialisers, one per layer so every layer differs, and the batch-norm momentum. */
class LayerSettings {
  private next: number | undefined;
  readonly batchNormMomentum: number;

  constructor(seed: number | undefined, batchNormMomentum = KERAS_BN_MOMENTUM) {
    this.next = seed;
    this.batchNormMomentum = batchNormMomentum;
  }

  glorotUniform(): ReturnType<typeof tf.initializers.glorotUniform> {
    const seed = this.next;
    if (this.next !== undefined) this.next += 1;
    return tf.initializers.glorotUniform(seed === undefined ? {} : { seed });
  }
}

function batchNorm(x: tf.SymbolicTensor, name: string, settings: LayerSettings): tf.SymbolicTensor {
  return new BatchNormalization({ axis: -1, momentum: settings.batchNormMomentum, epsilon: BN_EPSILON, name }).apply(x) as tf.SymbolicTensor;
}

function relu6(x: tf.SymbolicTensor, name: string): tf.SymbolicTensor {
  return new ReLU({ maxValue: 6, name }).apply(x) as tf.SymbolicTensor;
}

function conv1x1(x: tf.SymbolicTensor, filters: number, name: string, settings: LayerSettings): tf.SymbolicTensor {
  return new Conv2D({
    filters,
    kernelSize: 1,
    padding: 'same',
    useBias: false,
    kernelInitializer: settings.glorotUniform(),
    name,
  }).apply(x) as tf.SymbolicTensor;
}

/** Channel count (last axis) of a symbolic NHWC tensor. */
function channelsOf(x: tf.SymbolicTensor): number {
  const channels = x.shape[x.shape.length - 1];
  if (channels == null) throw new Error(`expected a known channel count, got shape [${x.shape.join(', ')}]`);
  return channels;
}

/**
 * Keras' `imagenet_utils.correct_pad` for a 3×3 kernel: pads so that a
 * 'valid' stride-2 convolution sees the same windows as TensorFlow's 'same'.
 * Even sizes get (0, 1), odd sizes (1, 1).
 */
function correctPad(x: tf.SymbolicTensor): [[number, number], [number, number]] {
  const height = x.shape[1];
  const width = x.shape[2];
  // Keras assumes an even size when it is unknown.
  const adjustH = height == null ? 1 : 1 - (height % 2);
  const adjustW = width == null ? 1 : 1 - (width % 2);
  return [
    [1 - adjustH, 1],
    [1 - adjustW, 1],
  ];
}

function invertedResidualBlock(
  inputs: tf.SymbolicTensor,
  options: { filters: number; stride: 1 | 2; expansion: number; alpha: number; blockId: number },
  settings: LayerSettings,
): tf.SymbolicTensor {
  const { filters, stride, expansion, alpha, blockId } = options;
  const inChannels = channelsOf(inputs);
  // Keras truncates filters·α before rounding; keep that so counts match.
  const pointwiseFilters = makeDivisible(Math.trunc(filters * alpha), 8);
  let x = inputs;
  let prefix = `block_${blockId}_`;
  if (blockId > 0) {
    x = conv1x1(x, expansion * inChannels, `${prefix}expand`, settings);
    x = batchNorm(x, `${prefix}expand_BN`, settings);
    x = relu6(x, `${prefix}expand_relu`);
  } else {
    // Keras names the first block differently and skips its expansion.
    prefix = 'expanded_conv_';
  }
  if (stride === 2) {
    x = tf.layers.zeroPadding2d({ padding: correctPad(x), name: `${prefix}pad` }).apply(x) as tf.SymbolicTensor;
  }
  x = tf.layers
    .depthwiseConv2d({
      kernelSize: 3,
      strides: stride,
      padding: stride === 1 ? 'same' : 'valid',
      useBias: false,
      depthwiseInitializer: settings.glorotUniform(),
      name: `${prefix}depthwise`,
    })
    .apply(x) as tf.SymbolicTensor;
  x = batchNorm(x, `${prefix}depthwise_BN`, settings);
  x = relu6(x, `${prefix}depthwise_relu`);
  x = conv1x1(x, pointwiseFilters, `${prefix}project`, settings);
  x = batchNorm(x, `${prefix}project_BN`, settings);
  if (inChannels === pointwiseFilters && stride === 1) {
    return tf.layers.add({ name: `${prefix}add` }).apply([inputs, x]) as tf.SymbolicTensor;
  }
  return x;
}

function validate(options: BuildMobileNetV2BaseOptions): void {
  if (!(Number.isFinite(options.alpha) && options.alpha > 0)) {
    throw new Error(`expected alpha > 0, got ${options.alpha}`);
  }
  if (!(Number.isInteger(options.inputSize) && options.inputSize >= 1)) {
    throw new Error(`expected inputSize to be a positive integer, got ${options.inputSize}`);
  }
  const momentum = options.batchNormMomentum;
  if (momentum !== undefined && !(momentum >= 0 && momentum < 1)) {
    throw new Error(`expected batchNormMomentum in [0, 1), got ${momentum}`);
  }
}

/** Builds the feature extractor's graph on `input`; shared by both builders. */
function applyMobileNetV2Base(input: tf.SymbolicTensor, alpha: number, settings: LayerSettings): tf.SymbolicTensor {
  let x = new Conv2D({
    filters: makeDivisible(32 * alpha, 8),
    kernelSize: 3,
    strides: 2,
    padding: 'same',
    useBias: false,
    kernelInitializer: settings.glorotUniform(),
    name: 'Conv1',
  }).apply(input) as tf.SymbolicTensor;
  x = batchNorm(x, 'bn_Conv1', settings);
  x = relu6(x, 'Conv1_relu');
  BLOCKS.forEach(([filters, stride, expansion], blockId) => {
    x = invertedResidualBlock(x, { filters, stride, expansion, alpha, blockId }, settings);
  });
  // Keras widens the head only for α > 1 so thin models keep a rich feature vector.
  const lastFilters = alpha > 1 ? makeDivisible(LAST_BLOCK_FILTERS * alpha, 8) : LAST_BLOCK_FILTERS;
  x = conv1x1(x, lastFilters, 'Conv_1', settings);
  x = batchNorm(x, 'Conv_1_bn', settings);
  return relu6(x, 'out_relu');
}

/**
 * Builds MobileNetV2 without its classification head, layer for layer as
 * Keras' `keras.applications.MobileNetV2(include_top=False, weights=None)`:
 * same channel rounding, padding, BatchNormalization settings (momentum
 * 0.999 unless told otherwise, epsilon 1e-3), bias-free convolutions and
 * layer names.
 *
 * Input: float32 `[batch, inputSize, inputSize, 3]`.
 * Output: `[batch, ceil(inputSize / 32), ceil(inputSize / 32), 1280]`
 * (more channels when α > 1).
 *
 * @throws Error when `alpha` is not positive, `inputSize` is not a positive integer or `batchNormMomentum` is outside [0, 1).
 */
export function buildMobileNetV2Base(options: BuildMobileNetV2BaseOptions): tf.LayersModel {
  validate(options);
  const input = tf.input({ shape: [options.inputSize, options.inputSize, 3], name: 'input_1' });
  const output = applyMobileNetV2Base(input, options.alpha, new LayerSettings(options.seed, options.batchNormMomentum));
  const name = `mobilenetv2_${options.alpha.toFixed(2)}_${options.inputSize}`;
  return tf.model({ inputs: input, outputs: output, name });
}

/**
 * Builds the reference experiment's classifier: MobileNetV2 base →
 * GlobalAveragePooling2D → Dense(numClasses), with logits out (no softmax),
 * so the loss must be computed from logits. The base's layers sit inline in
 * one flat model rather than as a nested model, so `training` reaches every
 * BatchNormalization layer directly.
 *
 * Input: float32 `[batch, inputSize, inputSize, 3]`, values in [0, 1].
 * Output: float32 logits `[batch, numClasses]`.
 *
 * @throws Error when `alpha`, `inputSize` or `numClasses` is out of range.
 */
export function buildClassifier(options: BuildClassifierOptions): tf.LayersModel {
  validate(options);
  if (!(Number.isInteger(options.numClasses) && options.numClasses >= 1)) {
    throw new Error(`expected numClasses to be a positive integer, got ${options.numClasses}`);
  }
  const settings = new LayerSettings(options.seed, options.batchNormMomentum);
  const input = tf.input({ shape: [options.inputSize, options.inputSize, 3], name: 'input_1' });
  let x = applyMobileNetV2Base(input, options.alpha, settings);
  x = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.dense({ units: options.numClasses, kernelInitializer: settings.glorotUniform(), name: 'logits' }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: x, name: 'mobilenetv2_classifier' });
}

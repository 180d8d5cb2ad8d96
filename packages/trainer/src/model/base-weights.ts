import type * as tf from '@tensorflow/tfjs';

/**
 * The role a tensor plays in its layer, as the last segment of Keras' weight
 * name: convolutions have `kernel` (1×1 and 3×3) or `depthwise_kernel`,
 * batch normalisation has `gamma`, `beta`, `moving_mean` and
 * `moving_variance`. MobileNetV2's base has no `bias`; it is listed for
 * files whose other layers carry one.
 */
export type WeightRole = 'kernel' | 'depthwise_kernel' | 'bias' | 'gamma' | 'beta' | 'moving_mean' | 'moving_variance';

/**
 * Pretrained weights for the layers of a MobileNetV2 base, as read by
 * `readBaseWeights`. The tensors belong to the caller: release them with
 * {@link disposeBaseWeights} once applied (models they were applied to keep
 * their own reference, so they stay valid).
 */
export interface BaseWeights {
  /** Where the weights were read from, as the user gave it; error messages name it. */
  readonly source: string;
  /**
   * Tensors by Keras layer name (`Conv1`, `block_1_expand_BN`, …), then by
   * {@link WeightRole}. Only base layers (see {@link isBaseLayerName}) appear.
   * Shapes are Keras' own, e.g. `Conv1` → `kernel` `[3, 3, 3, 16]` at α 0.35.
   */
  readonly layers: ReadonlyMap<string, ReadonlyMap<string, tf.Tensor>>;
}

/**
 * Names of the layers that hold weights in Keras'
 * `MobileNetV2(include_top=False)`: the stem, the 17 inverted residual
 * blocks and the last 1×1 convolution. Padding, activation and add layers
 * have no weights, and head layers (`global_average_pooling2d`, `logits`,
 * Keras' `predictions`) are not part of the base.
 */
const BASE_LAYER_NAME = /^(?:Conv1|bn_Conv1|Conv_1|Conv_1_bn|expanded_conv_(?:depthwise|project)(?:_BN)?|block_\d+_(?:expand|depthwise|project)(?:_BN)?)$/;

/**
 * Tells whether a layer name is one of the weighted layers of Keras'
 * MobileNetV2 base (`Conv1`, `bn_Conv1`, `expanded_conv_depthwise`,
 * `block_16_project_BN`, `Conv_1`, `Conv_1_bn`, …).
 *
 * @param name a layer name, exactly as Keras spells it (case matters)
 */
export function isBaseLayerName(name: string): boolean {
  return BASE_LAYER_NAME.test(name);
}

/**
 * Splits a weight name into its layer and role, the way both Keras files and
 * tfjs variables spell it: `Conv1/kernel`, `model/Conv1/kernel:0` (a nested
 * model's prefix and TensorFlow's output index are dropped) or
 * `bn_Conv1/gamma_1` (tfjs-layers appends `_N` to a variable name when
 * another model in the process already used it).
 *
 * @param name a weight or variable name
 * @returns the layer name and role, or undefined when `name` has no `/`
 */
export function parseWeightName(name: string): { layer: string; role: string } | undefined {
  const segments = name.replace(/:\d+$/, '').split('/');
  if (segments.length < 2) return undefined;
  const layer = segments[segments.length - 2];
  const role = segments[segments.length - 1]?.replace(/_\d+$/, '');
  if (!layer || !role) return undefined;
  return { layer, role };
}

/**
 * Disposes every tensor of `weights`. Safe to call twice, and safe after the
 * weights were applied: models hold their own reference to the values.
 */
export function disposeBaseWeights(weights: BaseWeights): void {
  for (const roles of weights.layers.values()) {
    for (const tensor of roles.values()) {
      if (!tensor.isDisposed) tensor.dispose();
    }
  }
}

import type * as tf from '@tensorflow/tfjs';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import { type BaseWeights, isBaseLayerName, parseWeightName } from './base-weights.js';
import { makeDivisible } from './build-mobilenet-v2.js';

/** How many layers the error lists before "and N more layers". */
const MAX_LISTED_LAYERS = 4;

/** Width multipliers Keras ships ImageNet weights for; used to name the file's α. */
const KERAS_ALPHAS = [0.35, 0.5, 0.75, 1.0, 1.3, 1.4] as const;

/** One weight the file cannot supply: absent, or of another shape or dtype. */
interface Mismatch {
  readonly kind: 'missing' | 'shape';
  readonly layer: string;
  /** `layer/role: expected <model's>, got <file's>`. */
  readonly text: string;
}

/** A base layer of the model and the file tensors it will get, in `layer.weights` order. */
interface Assignment {
  readonly layer: tf.LayersModel['layers'][number];
  readonly values: tf.Tensor[];
}

/**
 * Sets every weight of every MobileNetV2 base layer of `model` (`Conv1`,
 * `bn_Conv1`, …, `Conv_1_bn`; see `isBaseLayerName`) from `weights`: the
 * convolution kernels and all four batch-norm tensors, moving statistics
 * included. Works on the base alone and on the flat classifier, whose head
 * (`global_average_pooling2d`, `logits`) is left as it is. Weights in the
 * file for layers the model lacks are ignored. The input size need not
 * match the file's: no weight depends on it.
 *
 * Weights are matched by layer name and role (`kernel`, `gamma`, …), not by
 * variable name, which tfjs suffixes with `_N` when several models share
 * layer names in one process. Every weight is checked before any is set,
 * so when this throws the model is exactly as it was.
 *
 * The model's variables take the file tensors' values by reference
 * (tfjs reference-counts them): `disposeBaseWeights` afterwards is safe.
 *
 * @param model a model built by `buildMobileNetV2Base` or `buildClassifier`
 * @param weights from `readBaseWeights`; not consumed
 * @throws SweepscopeError `BAD_USER_INPUT` with field `['weights']` when a
 *   base layer or weight is missing from the file or a shape or dtype
 *   differs; the message lists the first few layers as "expected [model
 *   shape], got [file shape]" and, for channel counts, which α the file was
 *   made for.
 * @throws Error when `model` has no MobileNetV2 base layers, or a tensor of
 *   `weights` was already disposed.
 */
export function applyBaseWeights(model: tf.LayersModel, weights: BaseWeights): void {
  const baseLayers = model.layers.filter((layer) => isBaseLayerName(layer.name) && layer.weights.length > 0);
  if (baseLayers.length === 0) {
    throw new Error(`expected a MobileNetV2 model with Keras' base layers (Conv1 … Conv_1_bn), got none among ${model.layers.length} layers of ${model.name}`);
  }
  const mismatches: Mismatch[] = [];
  const assignments: Assignment[] = [];
  let total = 0;
  for (const layer of baseLayers) {
    const fileLayer = weights.layers.get(layer.name);
    const values: tf.Tensor[] = [];
    for (const variable of layer.weights) {
      total += 1;
      const role = parseWeightName(variable.originalName)?.role ?? variable.originalName;
      const value = fileLayer?.get(role);
      const expected = `expected ${variable.dtype} [${variable.shape.join(', ')}]`;
      const at = `${layer.name}/${role}`;
      if (fileLayer === undefined) {
        mismatches.push({ kind: 'missing', layer: layer.name, text: `${at}: ${expected}, got no layer ${layer.name} in the file` });
      } else if (value === undefined) {
        mismatches.push({ kind: 'missing', layer: layer.name, text: `${at}: ${expected}, got no ${role} weight in the file` });
      } else if (value.dtype !== variable.dtype || !sameShape(value.shape, variable.shape)) {
        const got = `got ${value.dtype} [${value.shape.join(', ')}]`;
        mismatches.push({ kind: 'shape', layer: layer.name, text: `${at}: ${expected}, ${got}` });
      } else if (value.isDisposed) {
        throw new Error(`expected live tensors in the weights from ${weights.source}, got ${at} disposed`);
      } else {
        values.push(value);
      }
    }
    assignments.push({ layer, values });
  }
  if (mismatches.length > 0) {
    throw new SweepscopeError(ErrorCode.BadUserInput, describeMismatches(model, weights, mismatches, total), {
      field: ['weights'],
    });
  }
  // All checked: from here on nothing can fail half-way.
  for (const { layer, values } of assignments) layer.setWeights(values);
}

function sameShape(a: readonly number[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((dim, i) => dim === b[i]);
}

/**
 * One entry per layer, its first mismatch standing for the rest: a
 * batch norm's four tensors all differ together, so listing each is noise.
 */
function describeMismatches(model: tf.LayersModel, weights: BaseWeights, mismatches: readonly Mismatch[], total: number): string {
  const byLayer = new Map<string, Mismatch[]>();
  for (const mismatch of mismatches) byLayer.set(mismatch.layer, [...(byLayer.get(mismatch.layer) ?? []), mismatch]);
  const listed = [...byLayer.values()]
    .slice(0, MAX_LISTED_LAYERS)
    .map(([first, ...rest]) => `${first?.text ?? ''}${rest.length > 0 ? ` (and ${rest.length} more of ${first?.layer ?? ''})` : ''}`)
    .join('; ');
  const more = byLayer.size > MAX_LISTED_LAYERS ? `; and ${byLayer.size - MAX_LISTED_LAYERS} more layers` : '';
  const hints = [
    mismatches.some((mismatch) => mismatch.kind === 'shape') ? alphaHint(model, weights) : undefined,
    mismatches.some((mismatch) => mismatch.kind === 'missing')
      ? "Missing layers or weights mean the file is not Keras' MobileNetV2(include_top=False) with its layer names."
      : undefined,
  ];
  return (
    `The weights in ${weights.source} do not fit this MobileNetV2 base: ${mismatches.length} of its ${total} weights ` +
    `differ (expected is this model, got is the file): ${listed}${more}. ${hints.filter(Boolean).join(' ')}`
  );
}

function alphaHint(model: tf.LayersModel, weights: BaseWeights): string {
  const fileAlpha = guessAlpha(
    lastDim(weights.layers.get('Conv1')?.get('kernel')?.shape),
    lastDim(weights.layers.get('block_16_project')?.get('kernel')?.shape),
  );
  const modelAlpha = guessAlpha(lastDim(findKernelShape(model, 'Conv1')), lastDim(findKernelShape(model, 'block_16_project')));
  const generic = 'Channel counts that differ usually mean the file was made for another width multiplier α';
  if (fileAlpha !== undefined && fileAlpha !== modelAlpha) {
    const mine = modelAlpha === undefined ? '' : `, this model's match α ${modelAlpha}`;
    return `${generic}: the file's layer widths match α ${fileAlpha}${mine}. Use the file made for this model's α, or set α to ${fileAlpha}.`;
  }
  return `${generic}.`;
}

function findKernelShape(model: tf.LayersModel, layerName: string): readonly (number | null)[] | undefined {
  const layer = model.layers.find((candidate) => candidate.name === layerName);
  return layer?.weights.find((variable) => parseWeightName(variable.originalName)?.role === 'kernel')?.shape;
}

function lastDim(shape: readonly (number | null)[] | undefined): number | undefined {
  return shape?.[shape.length - 1] ?? undefined;
}

/**
 * The Keras α whose stem (Conv1: makeDivisible(32α)) and last block
 * (block_16_project: makeDivisible(trunc(320α))) widths are these. The last
 * block alone tells Keras' six αs apart; the stem guards against a file whose
 * widths come from no Keras α at all.
 */
function guessAlpha(stemFilters: number | undefined, lastBlockFilters: number | undefined): number | undefined {
  if (stemFilters === undefined || lastBlockFilters === undefined) return undefined;
  return KERAS_ALPHAS.find((alpha) => makeDivisible(32 * alpha) === stemFilters && makeDivisible(Math.trunc(320 * alpha)) === lastBlockFilters);
}

import { fileURLToPath } from 'node:url';

import * as tf from '@tensorflow/tfjs';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import { type BaseWeights, disposeBaseWeights, isBaseLayerName, parseWeightName } from './base-weights.js';
import { createFileIOHandler } from './file-io-handler.js';

/** What a weights file must be, as the errors for unreadable files and non-models say. */
const EXPECTED = 'model.json with modelTopology and weightsManifest, as tensorflowjs_converter --input_format keras writes';

/** Bytes per stored value, by the dtype written in the file (quantised or not). */
const BYTES_PER_VALUE: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/**
 * Reads pretrained weights for the MobileNetV2 base from a TensorFlow.js
 * layers model, such as `tensorflowjs_converter --input_format keras` makes
 * of Keras' `MobileNetV2(include_top=False, weights='imagenet', alpha=…)`,
 * or `saveBaseModel` writes. Only the weights are read (the topology is
 * checked, not built), so the file's input size does not matter. Layers
 * that are not part of the base (an input layer, a classifier head) are
 * skipped; quantised weights are dequantised to float32.
 *
 * @param source an `http(s)://` URL of model.json, a `file://` URL, or a
 *   path to a model.json file or to a folder holding one (relative paths
 *   resolve against the working directory)
 * @returns the base's weights, owned by the caller: release them with
 *   `disposeBaseWeights`
 * @throws SweepscopeError `BAD_USER_INPUT` with field `['weights']` and a
 *   message naming `source`, when it cannot be read (nothing there, a folder
 *   without model.json, an HTTP error, a missing shard), is not a layers
 *   model (not JSON, no modelTopology or weightsManifest, a graph model),
 *   its shards hold more or fewer bytes than its manifest describes, or it
 *   has no MobileNetV2 base layers. The underlying error is the `cause`.
 */
export async function readBaseWeights(source: string): Promise<BaseWeights> {
  const artifacts = await loadArtifacts(source);
  const { weightSpecs, weightData } = checkLayersModel(source, artifacts);
  const buffer = tf.io.CompositeArrayBuffer.join(weightData);
  const expectedBytes = countBytes(weightSpecs);
  if (expectedBytes !== undefined && expectedBytes !== buffer.byteLength) {
    throw notALayersModel(
      source,
      `its weight shards hold ${buffer.byteLength} bytes, but its weightsManifest describes ${expectedBytes} (a shard is missing, truncated or from another model)`,
    );
  }
  let named: tf.NamedTensorMap;
  try {
    // tidy: tensors decoded before a failure are released with it.
    named = tf.tidy(() => tf.io.decodeWeights(buffer, weightSpecs));
  } catch (error) {
    throw notALayersModel(source, 'its weights do not decode', error);
  }
  return groupByLayer(source, named);
}

async function loadArtifacts(source: string): Promise<tf.io.ModelArtifacts> {
  const isHttp = /^https?:\/\//i.test(source);
  try {
    // tf.io.http uses Node 20's global fetch through the tfjs platform; no fetchFunc needed.
    const handler = isHttp ? tf.io.http(source) : createFileIOHandler(source.startsWith('file://') ? fileURLToPath(source) : source);
    if (handler.load == null) throw new Error(`expected a handler that can load ${source}, got none`);
    return await handler.load();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `Cannot read weights from ${source}: ${isHttp ? withErrno(message, error) : message}. Expected a TensorFlow.js layers model: ${EXPECTED}.`,
      { field: ['weights'], cause: error },
    );
  }
}

/**
 * Appends the errno code buried in a fetch error's causes: fetch only says
 * "fetch failed", and the reason (ECONNREFUSED, ENOTFOUND) is below.
 */
function withErrno(message: string, error: unknown): string {
  let current = (error as { cause?: unknown } | null)?.cause;
  for (let depth = 0; current != null && depth < 4; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return `${message} (${code})`;
    current = cause;
  }
  return message;
}

/** Narrows artifacts to a layers model with weights, or says why they are not one. */
function checkLayersModel(source: string, artifacts: tf.io.ModelArtifacts): { weightSpecs: tf.io.WeightsManifestEntry[]; weightData: tf.io.WeightData } {
  const topology = artifacts.modelTopology;
  const isObject = typeof topology === 'object' && topology !== null && !(topology instanceof ArrayBuffer);
  const keys = isObject ? Object.keys(topology) : [];
  if (artifacts.format === 'graph-model' || keys.includes('node')) {
    throw notALayersModel(source, 'it is a graph model (convert with --input_format keras, or --output_format tfjs_layers_model)');
  }
  if (!isObject) throw notALayersModel(source, 'it has no modelTopology');
  // Keras' converter nests the config under model_config; tfjs' own save puts class_name on top.
  if (!keys.includes('model_config') && !keys.includes('class_name')) {
    throw notALayersModel(source, `its modelTopology has neither model_config nor class_name (keys: ${keys.slice(0, 8).join(', ') || 'none'})`);
  }
  if (artifacts.weightSpecs == null || artifacts.weightData == null) {
    throw notALayersModel(source, 'it has no weightsManifest');
  }
  return { weightSpecs: artifacts.weightSpecs, weightData: artifacts.weightData };
}

/** Total bytes the specs describe, or undefined when a string weight makes it unknowable. */
function countBytes(specs: readonly tf.io.WeightsManifestEntry[]): number | undefined {
  let total = 0;
  for (const spec of specs) {
    const bytes = BYTES_PER_VALUE[spec.quantization?.dtype ?? spec.dtype];
    if (bytes === undefined) return undefined;
    total += spec.shape.reduce((size, dim) => size * dim, 1) * bytes;
  }
  return total;
}

function groupByLayer(source: string, named: tf.NamedTensorMap): BaseWeights {
  const layers = new Map<string, Map<string, tf.Tensor>>();
  const skipped = new Set<string>();
  const weights: BaseWeights = { source, layers };
  for (const [name, tensor] of Object.entries(named)) {
    const parsed = parseWeightName(name);
    if (parsed === undefined || !isBaseLayerName(parsed.layer)) {
      skipped.add(parsed?.layer ?? name);
      tensor.dispose();
      continue;
    }
    const roles = layers.get(parsed.layer) ?? new Map<string, tf.Tensor>();
    layers.set(parsed.layer, roles);
    if (roles.has(parsed.role)) {
      // Two tensors for one weight means nested models or a merged file: refuse to guess.
      for (const rest of Object.values(named)) if (!rest.isDisposed) rest.dispose();
      disposeBaseWeights(weights);
      throw notALayersModel(source, `it holds two weights for ${parsed.layer}/${parsed.role}`);
    }
    roles.set(parsed.role, tensor);
  }
  if (layers.size === 0) {
    const seen = [...skipped].slice(0, 5).join(', ');
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `${source} holds no weights of a MobileNetV2 base: expected Keras' layer names (Conv1, bn_Conv1, block_1_expand, …), got ${seen || 'no weights at all'}${skipped.size > 5 ? ', …' : ''}.`,
      { field: ['weights'] },
    );
  }
  return weights;
}

function notALayersModel(source: string, detail: string, cause?: unknown): SweepscopeError {
  return new SweepscopeError(ErrorCode.BadUserInput, `${source} is not a TensorFlow.js layers model: expected ${EXPECTED}; ${detail}.`, {
    field: ['weights'],
    cause,
  });
}

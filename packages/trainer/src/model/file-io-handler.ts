import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import * as tf from '@tensorflow/tfjs';

/** File name of the topology and weights manifest, in a model folder. */
export const MODEL_JSON_FILE = 'model.json';

/** File name of the one weight shard {@link createFileIOHandler} writes. */
export const WEIGHTS_FILE = 'weights.bin';

/** A {@link tf.io.IOHandler} whose `load` and `save` are both present. */
export interface FileIOHandler extends tf.io.IOHandler {
  load: tf.io.LoadHandler;
  save: tf.io.SaveHandler;
}

/**
 * Reads and writes TensorFlow.js models on the local file system, for plain
 * `@tensorflow/tfjs` in Node, which has no `file://` handler without
 * tfjs-node. The format is the one `tensorflowjs_converter` writes and
 * `tf.io.http` reads, so the files work in both directions.
 *
 * - `load` reads `path` when it is a file (any name; usually `model.json`),
 *   or `path/model.json` when it is a folder; then every shard its
 *   `weightsManifest` lists, relative to that file, concatenated in manifest
 *   order into one `ArrayBuffer`. It does not check the shards' lengths
 *   against the weight specs: `tf.io.decodeWeights` callers should.
 * - `save` treats `path` as a folder (created if missing) and writes
 *   `model.json` and a single `weights.bin`, replacing files of those names.
 *
 * Use with `model.save(handler)`, `tf.loadLayersModel(handler)`, or call
 * `handler.load()` for the raw artifacts.
 *
 * @param path a model.json file or a folder holding one (load); a folder (save)
 * @throws (from `load`) Error saying what was expected and what was found
 *   when nothing is at `path`, a folder lacks model.json, the file is not a
 *   JSON object, its `weightsManifest` is malformed, or a shard cannot be
 *   read; filesystem errors are the `cause`. What the JSON holds beyond that
 *   (a layers or graph model, or neither) is for the caller to judge.
 * @throws (from `save`) Error when the topology is binary (a graph model), or
 *   the filesystem error itself when a file cannot be written.
 */
export function createFileIOHandler(path: string): FileIOHandler {
  return {
    load: () => loadModelFiles(resolve(path)),
    save: (artifacts) => saveModelFiles(resolve(path), artifacts),
  };
}

async function loadModelFiles(path: string): Promise<tf.io.ModelArtifacts> {
  const modelJsonPath = await findModelJson(path);
  let text: string;
  try {
    text = await readFile(modelJsonPath, 'utf8');
  } catch (error) {
    throw new Error(`expected to read ${modelJsonPath}, got ${describeFsError(error)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`expected ${modelJsonPath} to be JSON, got a file that does not parse as JSON`, { cause: error });
  }
  if (!isRecord(json)) {
    throw new Error(`expected ${modelJsonPath} to hold a JSON object, got ${Array.isArray(json) ? 'an array' : typeof json}`);
  }
  return tf.io.getModelArtifactsForJSON(json as unknown as tf.io.ModelJSON, (manifest) => readShards(manifest, modelJsonPath));
}

/** `path` itself when it is a file, `path/model.json` when it is a folder. */
async function findModelJson(path: string): Promise<string> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    throw new Error(`expected a model.json file or a folder holding one at ${path}, got ${describeFsError(error)}`, {
      cause: error,
    });
  }
  if (!isFolder) return path;
  const modelJsonPath = join(path, MODEL_JSON_FILE);
  try {
    await stat(modelJsonPath);
  } catch (error) {
    throw new Error(`expected the folder ${path} to hold ${MODEL_JSON_FILE}, got ${describeFsError(error)}`, {
      cause: error,
    });
  }
  return modelJsonPath;
}

async function readShards(manifest: unknown, modelJsonPath: string): Promise<[tf.io.WeightsManifestEntry[], ArrayBuffer]> {
  const isManifest =
    Array.isArray(manifest) &&
    manifest.every(
      (group: unknown) =>
        isRecord(group) &&
        Array.isArray(group['weights']) &&
        Array.isArray(group['paths']) &&
        group['paths'].every((shard: unknown) => typeof shard === 'string'),
    );
  if (!isManifest) {
    throw new Error(
      `expected weightsManifest in ${modelJsonPath} to be an array of { paths: string[], weights: [...] }, got ${JSON.stringify(manifest)?.slice(0, 120)}`,
    );
  }
  const groups = manifest as tf.io.WeightsManifestConfig;
  const folder = dirname(modelJsonPath);
  const shardPaths = groups.flatMap((group) => group.paths.map((shard) => resolve(folder, shard)));
  const shards = await Promise.all(
    shardPaths.map(async (shardPath) => {
      try {
        const bytes = await readFile(shardPath);
        // A Buffer may be a view into a larger pooled ArrayBuffer: copy out exactly its bytes.
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      } catch (error) {
        throw new Error(`expected weight shard ${shardPath} (listed in ${modelJsonPath}), got ${describeFsError(error)}`, {
          cause: error,
        });
      }
    }),
  );
  return [tf.io.getWeightSpecs(groups), tf.io.concatenateArrayBuffers(shards)];
}

async function saveModelFiles(folder: string, artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
  if (artifacts.modelTopology instanceof ArrayBuffer) {
    throw new Error('expected a JSON model topology (a layers model), got a binary one');
  }
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology ?? {},
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
  };
  // Optional fields are copied only when present so model.json stays as tfjs writes it.
  if (artifacts.trainingConfig != null) modelJson.trainingConfig = artifacts.trainingConfig;
  if (artifacts.signature != null) modelJson.signature = artifacts.signature;
  if (artifacts.userDefinedMetadata != null) modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
  if (artifacts.modelInitializer != null) modelJson.modelInitializer = artifacts.modelInitializer;
  if (artifacts.initializerSignature != null) modelJson.initializerSignature = artifacts.initializerSignature;

  await mkdir(folder, { recursive: true });
  const weights = artifacts.weightData == null ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  // Shards first: a model.json on disk never lists a shard that is not written yet.
  await writeFile(join(folder, WEIGHTS_FILE), new Uint8Array(weights));
  await writeFile(join(folder, MODEL_JSON_FILE), JSON.stringify(modelJson));
  return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short phrase for a filesystem error, by its errno code rather than its message. */
function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'nothing there';
  if (code === 'EISDIR') return 'a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

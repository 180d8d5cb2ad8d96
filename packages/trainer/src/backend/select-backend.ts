import * as tf from '@tensorflow/tfjs';

import type { BackendPreference } from './backend-preference.js';
import { describeImportFailure, messageOf } from './describe-load-failure.js';
import { registerWasmTrainingKernels } from './wasm/register-wasm-training-kernels.js';
import { tryWebGpu, WEBGPU_PACKAGE } from './webgpu/try-webgpu.js';

export type { BackendPreference } from './backend-preference.js';

/** The engine {@link selectBackend} settled on. */
export interface SelectedBackend {
  /** `'node-gpu'`, `'node'`, `'webgpu'`, `'wasm'` or `'cpu'` (the tfjs backend in use is `tf.getBackend()`). */
  name: string;
  /**
   * What was tried and why each faster engine was skipped, e.g.
   * `"node-gpu: not installed; node: not installed; using wasm (SIMD, 1 thread)"`.
   */
  reason: string;
}

/** Native engines, fastest first, with the npm package that provides each. */
const NATIVE = [
  { name: 'node-gpu', packageName: '@tensorflow/tfjs-node-gpu' },
  { name: 'node', packageName: '@tensorflow/tfjs-node' },
] as const;

/** The tfjs backend name both native packages register. */
const NATIVE_TF_BACKEND = 'tensorflow';

/** The WebAssembly engine's package; it registers the tfjs backend 'wasm'. */
const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';

/**
 * Picks and initialises the TensorFlow.js backend. The native packages are
 * optional dependencies (their install script downloads libtensorflow, which
 * fails offline, and npm then drops them), so they are loaded with a dynamic
 * import and their absence is expected, not an error, under `'auto'`.
 * Import tf from `@tensorflow/tfjs` everywhere: the native packages register
 * into that same tfjs-core instance.
 *
 * WebGPU (`@tensorflow/tfjs-backend-webgpu` on Dawn, the optional `webgpu`
 * package) comes next, on a GPU adapter only: `'auto'` never takes a software
 * adapter, which `'webgpu'` by name does (see `tryWebGpu`). Its reason names
 * the adapter's vendor, architecture and description.
 *
 * The WebAssembly engine (`@tensorflow/tfjs-backend-wasm`, SIMD, one thread
 * in Node) comes next: about 30× the plain JS engine's inference and, with
 * the gradient kernels that {@link registerWasmTrainingKernels} adds, 25×
 * its training speed on MobileNetV2. It is imported only when tried, since
 * importing it makes it tfjs' default backend.
 *
 * @param preference engine to use; `'auto'` tries node-gpu, then node, then webgpu, then wasm, then cpu
 * @default 'auto'
 * @returns the engine's name and why it was chosen
 * @throws Error naming the engine when an explicit preference cannot be loaded or initialised
 */
export async function selectBackend(preference: BackendPreference = 'auto'): Promise<SelectedBackend> {
  const skipped: string[] = [];
  for (const native of NATIVE) {
    if (preference !== 'auto' && preference !== native.name) continue;
    const failure = await tryNative(native.packageName);
    if (failure === undefined) {
      const reason = [...skipped, `using ${native.name} (${native.packageName})`].join('; ');
      return { name: native.name, reason };
    }
    if (preference === native.name) {
      throw new Error(`backend ${native.name} (${native.packageName}) could not be used: ${failure}`);
    }
    skipped.push(`${native.name}: ${failure}`);
  }
  if (preference === 'auto' || preference === 'webgpu') {
    const webgpu = await tryWebGpu({ allowSoftware: preference === 'webgpu' });
    if (webgpu.ok) {
      const { vendor, architecture, description, software } = webgpu.adapter;
      const adapter = `${software ? 'software ' : ''}adapter ${description}, vendor ${vendor}, architecture ${architecture}`;
      return { name: 'webgpu', reason: [...skipped, `using webgpu (${adapter})`].join('; ') };
    }
    if (preference === 'webgpu') {
      throw new Error(`backend webgpu (${WEBGPU_PACKAGE}) could not be used: ${webgpu.failure}`);
    }
    skipped.push(`webgpu: ${webgpu.failure}`);
  }
  if (preference === 'auto' || preference === 'wasm') {
    const wasm = await tryWasm();
    if (wasm.ok) {
      return { name: 'wasm', reason: [...skipped, `using wasm (${wasm.detail})`].join('; ') };
    }
    if (preference === 'wasm') {
      throw new Error(`backend wasm (${WASM_PACKAGE}) could not be used: ${wasm.failure}`);
    }
    skipped.push(`wasm: ${wasm.failure}`);
  }
  if (!(await tf.setBackend('cpu'))) {
    throw new Error('backend cpu could not be initialised');
  }
  await tf.ready();
  return { name: 'cpu', reason: [...skipped, 'using cpu'].join('; ') };
}

/**
 * Loads the WebAssembly engine, adds the kernels training needs and switches
 * to it. Returns what it runs with (e.g. `"SIMD, 1 thread"`) or why not.
 */
async function tryWasm(): Promise<{ ok: true; detail: string } | { ok: false; failure: string }> {
  let wasm: typeof import('@tensorflow/tfjs-backend-wasm');
  try {
    wasm = await import('@tensorflow/tfjs-backend-wasm');
  } catch (error) {
    return { ok: false, failure: describeImportFailure(error, WASM_PACKAGE) };
  }
  // After the import: the kernels it registers are the ones being wrapped.
  registerWasmTrainingKernels();
  try {
    // tfjs logs the cause of a failed initialisation itself and returns false.
    if (!(await tf.setBackend('wasm'))) return { ok: false, failure: "backend 'wasm' failed to initialise" };
    await tf.ready();
  } catch (error) {
    return { ok: false, failure: `backend 'wasm' failed to initialise: ${messageOf(error)}` };
  }
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const threads = wasm.getThreadsCount();
  return { ok: true, detail: `${simd ? 'SIMD' : 'no SIMD'}, ${threads} thread${threads === 1 ? '' : 's'}` };
}

/** Loads a native package and switches to it; returns why not, or undefined on success. */
async function tryNative(packageName: string): Promise<string | undefined> {
  try {
    // A variable specifier keeps tsc from requiring the optional package's types.
    const specifier: string = packageName;
    await import(specifier);
  } catch (error) {
    return describeImportFailure(error, packageName);
  }
  if (tf.findBackend(NATIVE_TF_BACKEND) === null) {
    // Its backend went into another copy of tfjs-core: versions differ.
    return `loaded, but registered no '${NATIVE_TF_BACKEND}' backend with this @tensorflow/tfjs (duplicate @tensorflow/tfjs-core?)`;
  }
  try {
    if (!(await tf.setBackend(NATIVE_TF_BACKEND))) return `backend '${NATIVE_TF_BACKEND}' failed to initialise`;
    await tf.ready();
  } catch (error) {
    return `backend '${NATIVE_TF_BACKEND}' failed to initialise: ${messageOf(error)}`;
  }
  return undefined;
}

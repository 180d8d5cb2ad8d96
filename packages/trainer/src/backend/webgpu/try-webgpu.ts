import { existsSync, readdirSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';

import { vulkanDrivers } from '../../env.js';
import { describeImportFailure, messageOf } from '../describe-load-failure.js';
import { watchDeviceErrors, type WatchedDevice } from './watch-device-errors.js';

/** The npm package that gives Node a `navigator.gpu` (Google's Dawn, binaries inside). */
export const WEBGPU_PACKAGE = 'webgpu';

/** How long a driver may take to offer an adapter before the engine is passed over. */
const ADAPTER_TIMEOUT_MS = 30_000;

/** A WebGPU adapter as Dawn describes it. */
export interface WebGpuAdapter {
  vendor: string;
  architecture: string;
  description: string;
  /** A CPU implementation (SwiftShader, a fallback adapter): correct, but no faster than the CPU engines. */
  software: boolean;
}

/** What {@link tryWebGpu} found: the adapter it switched to, or why not. */
export type WebGpuAttempt = { ok: true; adapter: WebGpuAdapter } | { ok: false; failure: string };

/** Options of {@link tryWebGpu}. */
export interface TryWebGpuOptions {
  /** Take a software adapter too: only when asked for by name, since it is slower than wasm. */
  allowSoftware: boolean;
}

/** The part of Dawn's API used here (its types come with the optional package). */
interface Dawn {
  create(options: string[]): { requestAdapter(options: { powerPreference: 'high-performance' }): Promise<unknown> };
  globals: object;
}

/** The part of Dawn's adapter read here. */
interface DawnAdapter {
  info: { vendor?: string; architecture?: string; description?: string; device?: string; isFallbackAdapter?: boolean };
}

/**
 * Loads Dawn (the `webgpu` package, an optional dependency), asks it for the
 * high-performance adapter, and switches TensorFlow.js to its WebGPU backend on
 * it. Dawn drives Vulkan, Metal or Direct3D 12, so any GPU with its graphics
 * driver will do. On Linux a machine with no GPU device node is passed over
 * without loading Dawn at all: it would find no adapter there, after printing
 * the Vulkan loader's complaints. A software adapter (SwiftShader: set
 * `VK_ICD_FILENAMES` to Chromium's `vk_swiftshader_icd.json`) is taken only when
 * `allowSoftware` says so.
 */
export async function tryWebGpu({ allowSoftware }: TryWebGpuOptions): Promise<WebGpuAttempt> {
  if (process.platform === 'linux' && !allowSoftware && !mayHaveVulkanAdapter()) {
    return { ok: false, failure: 'no GPU device (/dev/dri/renderD*, /dev/nvidia*)' };
  }
  let dawn: Dawn;
  try {
    // A variable specifier keeps tsc from requiring the optional package's types.
    const specifier: string = WEBGPU_PACKAGE;
    dawn = (await import(specifier)) as typeof dawn;
  } catch (error) {
    return { ok: false, failure: describeImportFailure(error, WEBGPU_PACKAGE) };
  }
  let gpu: ReturnType<Dawn['create']>;
  let found: DawnAdapter | null | undefined;
  try {
    gpu = dawn.create([]);
    found = (await withTimeout(gpu.requestAdapter({ powerPreference: 'high-performance' }), ADAPTER_TIMEOUT_MS)) as DawnAdapter | null | undefined;
  } catch (error) {
    // A GPU device with a broken driver must not stop a worker that can train on wasm.
    return { ok: false, failure: `no WebGPU adapter: ${messageOf(error)}` };
  }
  if (found == null) {
    return {
      ok: false,
      failure:
        'no WebGPU adapter (no Vulkan, Metal or Direct3D 12 driver Dawn can use; for the software one, set VK_ICD_FILENAMES to the vk_swiftshader_icd.json in Chromium’s folder)',
    };
  }
  const adapter = describeAdapter(found);
  if (adapter.software && !allowSoftware) {
    return { ok: false, failure: `only a software adapter (${adapter.description}), which is slower than wasm: ask for it with --backend webgpu` };
  }
  // tfjs' WebGPU backend looks for navigator.gpu when it is imported, and its constants among
  // the globals. Node 21 and later have a navigator of their own, whose getters stay.
  Object.assign(globalThis, dawn.globals);
  const { navigator } = globalThis as { navigator?: object };
  if (navigator === undefined) Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  else Object.defineProperty(navigator, 'gpu', { value: gpu, configurable: true, writable: true });
  try {
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!(await tf.setBackend('webgpu'))) return { ok: false, failure: "backend 'webgpu' failed to initialise" };
    await tf.ready();
  } catch (error) {
    return { ok: false, failure: `backend 'webgpu' failed to initialise: ${messageOf(error)}` };
  }
  watchDeviceErrors((tf.backend() as unknown as { device: WatchedDevice }).device);
  return { ok: true, adapter };
}

/** The adapter's vendor, architecture and description, and whether it is a CPU implementation. */
function describeAdapter({ info }: DawnAdapter): WebGpuAdapter {
  const vendor = info.vendor || 'unknown vendor';
  const architecture = info.architecture || 'unknown architecture';
  const description = info.description || info.device || 'no description';
  const software = info.isFallbackAdapter === true || /swiftshader|llvmpipe|lavapipe|warp/i.test(`${architecture} ${description}`);
  return { vendor, architecture, description, software };
}

/** Whether Linux may offer Dawn an adapter: Vulkan drivers named in the environment, or a GPU device. */
export function mayHaveVulkanAdapter(): boolean {
  return vulkanDrivers() !== undefined || hasGpuDeviceNode();
}

/** Whether Linux shows a GPU: a DRM render node or NVIDIA's device files. */
function hasGpuDeviceNode(): boolean {
  const list = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder) : []);
  return list('/dev/dri').some((name) => name.startsWith('renderD')) || list('/dev').some((name) => /^nvidia\d+$/.test(name));
}

/** The promise's value, or a rejection naming the wait once `ms` have passed. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the driver offered none within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

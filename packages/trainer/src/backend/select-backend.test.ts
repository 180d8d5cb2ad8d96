import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { selectBackend } from './select-backend.js';
import { mayHaveVulkanAdapter } from './webgpu/try-webgpu.js';

async function isInstalled(packageName: string): Promise<boolean> {
  try {
    const specifier: string = packageName;
    await import(specifier);
    return true;
  } catch {
    return false;
  }
}

const nativeInstalled = (await isInstalled('@tensorflow/tfjs-node-gpu')) || (await isInstalled('@tensorflow/tfjs-node'));
const skip = nativeInstalled ? 'a native tfjs package is installed here' : false;
/** For the tests that expect auto to pass WebGPU over without loading it. */
const noGpu = { skip: process.platform === 'linux' && mayHaveVulkanAdapter() ? 'this machine may offer WebGPU an adapter, which auto may take' : false };

/** The wasm backend's priority in tfjs-backend-wasm 4.22, restored after a test replaces it. */
const WASM_PRIORITY = 2;

describe('selectBackend', { skip }, () => {
  test('uses wasm under auto and says why each native engine was skipped', noGpu, async () => {
    const selected = await selectBackend();
    assert.deepEqual(selected, {
      name: 'wasm',
      reason: 'node-gpu: not installed; node: not installed; webgpu: no GPU device (/dev/dri/renderD*, /dev/nvidia*); using wasm (SIMD, 1 thread)',
    });
    assert.equal(tf.getBackend(), 'wasm');
  });

  test('never takes a software WebGPU adapter under auto, and says so', async () => {
    // SwiftShader, from Debian's chromium, is a WebGPU adapter on any machine: the kind auto must pass over.
    process.env.VK_ICD_FILENAMES = '/usr/lib/chromium/vk_swiftshader_icd.json';
    try {
      const selected = await selectBackend();
      assert.equal(selected.name, 'wasm');
      assert.match(
        selected.reason,
        /webgpu: only a software adapter \(SwiftShader driver [\d.]+\), which is slower than wasm: ask for it with --backend webgpu; using wasm/,
      );
    } finally {
      delete process.env.VK_ICD_FILENAMES;
    }
  });

  test('makes the wasm backend able to train a conv net', async () => {
    await selectBackend('wasm');
    for (const kernelName of [tf.Conv2DBackpropFilter, tf.DepthwiseConv2dNativeBackpropFilter, tf.DepthwiseConv2dNativeBackpropInput]) {
      assert.ok(tf.getKernel(kernelName, 'wasm'), `expected ${kernelName} registered for wasm`);
    }
  });

  test('uses wasm when asked for it', async () => {
    assert.deepEqual(await selectBackend('wasm'), { name: 'wasm', reason: 'using wasm (SIMD, 1 thread)' });
  });

  test('uses cpu when asked for it', async () => {
    assert.deepEqual(await selectBackend('cpu'), { name: 'cpu', reason: 'using cpu' });
    assert.equal(tf.getBackend(), 'cpu');
  });

  test('falls back to cpu under auto when wasm fails to initialise, and says so', noGpu, async () => {
    // Importing the package registers the real factory; swap in one that fails.
    await import('@tensorflow/tfjs-backend-wasm');
    const factory = tf.findBackendFactory('wasm');
    assert.ok(factory, 'expected tfjs-backend-wasm to register a wasm backend factory');
    tf.removeBackend('wasm');
    tf.registerBackend('wasm', () => Promise.reject(new Error('no WebAssembly here')), WASM_PRIORITY);
    const warn = console.warn;
    // tfjs warns about the failed initialisation; keep the test output clean.
    console.warn = () => undefined;
    try {
      assert.deepEqual(await selectBackend(), {
        name: 'cpu',
        reason:
          "node-gpu: not installed; node: not installed; webgpu: no GPU device (/dev/dri/renderD*, /dev/nvidia*); wasm: backend 'wasm' failed to initialise; using cpu",
      });
      assert.equal(tf.getBackend(), 'cpu');
      await assert.rejects(selectBackend('wasm'), /backend wasm \(@tensorflow\/tfjs-backend-wasm\) could not be used/);
    } finally {
      console.warn = warn;
      tf.removeBackend('wasm');
      tf.registerBackend('wasm', factory, WASM_PRIORITY);
    }
    // The restored engine starts afresh and still trains.
    assert.equal((await selectBackend('wasm')).name, 'wasm');
    const filter = tf.ones([3, 3, 2, 1]) as tf.Tensor4D;
    const input = tf.ones([1, 5, 5, 2]);
    const gradient = tf.grad((x: tf.Tensor) => tf.depthwiseConv2d(x as tf.Tensor4D, filter, 2, 'same'))(input);
    assert.deepEqual(gradient.shape, [1, 5, 5, 2]);
    tf.dispose([filter, input, gradient]);
  });

  test('throws naming an explicitly requested engine that cannot load', async () => {
    await assert.rejects(selectBackend('node'), /backend node \(@tensorflow\/tfjs-node\) could not be used: not installed/);
    await assert.rejects(selectBackend('node-gpu'), /backend node-gpu \(@tensorflow\/tfjs-node-gpu\)/);
  });
});

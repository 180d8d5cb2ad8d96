import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';

import { createRandom } from '../../data/seeded-random.js';
import { makeBatches } from '../../data/batches.js';
import { makeSyntheticDataset } from '../../data/synthetic-dataset.js';
import type { Checkpoint } from '../../train/checkpoint.js';
import { crossEntropy } from '../../train/cross-entropy.js';
import { measureHalfBatchNorms } from '../../train/measure-half-batch-norms.js';
import { buildClassifier } from '../../model/build-mobilenet-v2.js';
import { defaultNoiseScale, trainModel, type EpochMetrics } from '../../train/train-model.js';
import { EngineFaultError, EngineLostError } from '../engine-faults.js';
import { selectBackend } from '../select-backend.js';
import { listConvCases } from '../testing/list-conv-cases.js';
import { measureGradientError } from '../testing/measure-gradient-error.js';
import { describeDeviceError } from './watch-device-errors.js';

/** The part of a WebGPU device these tests use. */
interface GpuDevice {
  pushErrorScope(filter: string): void;
  popErrorScope(): Promise<Error | null>;
  createBuffer(descriptor: { size: number; usage: number }): unknown;
}

/** The Vulkan driver Debian's chromium ships: SwiftShader, a software adapter Dawn can use on any machine. */
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** What the WASM engine's own gradient kernels meet against the cpu backend. */
const KERNEL_TOLERANCE = 1e-4;

/**
 * One SGD step of MobileNetV2 against the cpu and wasm backends', from the same weights and
 * batch: the step's largest difference over the step's largest change. Measured 8e-5 against
 * cpu and 5e-5 against wasm. On this batch no engine puts a ReLU6 input on the other side of
 * 0; where one does (a helper traced such a case on other data at batch 32, an input within
 * 1e-6 of 0), that one element's mask moves the gradients below it by 1e-2 of the step,
 * between cpu and wasm as between either and webgpu. Further steps are not compared: at
 * 32 × 32 the last blocks' batch norm normalises over 8 values of a 1 × 1 map, and one step's
 * float32 differences grow about a thousandfold in the next, between any two engines (after
 * two steps, 8e-2 webgpu against cpu, 7e-2 wasm against cpu; after three, 2e-1 both).
 */
const STEP_TOLERANCE = 1e-3;

before(async () => {
  // Tests run on machines without a GPU: the software adapter stands in for one.
  if (!process.env.VK_ICD_FILENAMES) {
    assert.ok(existsSync(SWIFTSHADER_ICD), `expected ${SWIFTSHADER_ICD}: install Debian's chromium, whose SwiftShader Vulkan driver these tests run on`);
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  }
  const selected = await selectBackend('webgpu');
  assert.equal(selected.name, 'webgpu');
  assert.match(selected.reason, /using webgpu \(software adapter SwiftShader/);
});

describe('WebGPU gradient kernels against the cpu backend', () => {
  for (const c of listConvCases(21)) {
    test(`Conv2DBackpropInput and Conv2DBackpropFilter: ${c.label}`, async () => {
      const error = await measureGradientError({
        op: (x, w) => tf.conv2d(x, w, c.stride, c.pad),
        xShape: c.xShape,
        filterShape: [c.kernel, c.kernel, c.xShape[3], 1 + (c.seed % 4)],
        seed: c.seed,
        backend: 'webgpu',
      });
      assert.ok(error.x <= KERNEL_TOLERANCE && error.filter <= KERNEL_TOLERANCE, JSON.stringify(error));
    });
  }

  for (const c of listConvCases(22).filter((each) => each.kernel === 3)) {
    test(`DepthwiseConv2dNativeBackpropInput and …BackpropFilter: ${c.label}`, async () => {
      const error = await measureGradientError({
        op: (x, w) => tf.depthwiseConv2d(x, w, c.stride, c.pad),
        xShape: c.xShape,
        filterShape: [3, 3, c.xShape[3], 1],
        seed: c.seed,
        backend: 'webgpu',
      });
      assert.ok(error.x <= KERNEL_TOLERANCE && error.filter <= KERNEL_TOLERANCE, JSON.stringify(error));
    });
  }
});

describe('WebGPU layer gradients against their closed forms', () => {
  test('ReLU6 passes the upstream gradient where 0 < x < 6 and nothing elsewhere', async () => {
    await tf.setBackend('webgpu');
    const x = [-2, -0.5, 0.5, 3, 5.9, 6.5, 9];
    const dy = [1, 2, 3, 4, 5, 6, 7];
    const dx = tf.tidy(() => tf.grad((input: tf.Tensor) => tf.relu6(input))(tf.tensor1d(x), tf.tensor1d(dy)));
    assert.deepEqual(Array.from(await dx.data()), [0, 0, 3, 4, 5, 0, 0]);
    dx.dispose();
  });

  test("batch norm with the batch's own statistics: dx, dγ and dβ as the closed form gives them", async () => {
    await tf.setBackend('webgpu');
    const [n, channels] = [12, 3];
    const random = createRandom(4);
    const x = Array.from({ length: n * channels }, () => random() * 4 - 2);
    const dy = Array.from({ length: n * channels }, () => random() * 2 - 1);
    const gamma = [0.5, 1.5, -1];
    const beta = [0.1, -0.2, 0.3];
    const epsilon = 1e-3;
    // The training-mode layer: normalise by the batch's mean and (biased) variance, as tf.layers does.
    const [dxT, dGammaT, dBetaT] = tf.tidy(() =>
      tf.grads((input: tf.Tensor, scale: tf.Tensor, offset: tf.Tensor) => {
        const { mean, variance } = tf.moments(input, 0);
        return tf.batchNorm(input, mean, variance, offset, scale, epsilon);
      })([tf.tensor2d(x, [n, channels]), tf.tensor1d(gamma), tf.tensor1d(beta)], tf.tensor2d(dy, [n, channels])),
    );
    const [dx, dGamma, dBeta] = await Promise.all([dxT!.data(), dGammaT!.data(), dBetaT!.data()]);
    tf.dispose([dxT!, dGammaT!, dBetaT!]);
    for (let c = 0; c < channels; c++) {
      const column = (values: number[]): number[] => Array.from({ length: n }, (_, i) => values[i * channels + c]!);
      const xs = column(x);
      const dys = column(dy);
      const mean = xs.reduce((sum, value) => sum + value, 0) / n;
      const variance = xs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n;
      const inverse = 1 / Math.sqrt(variance + epsilon);
      const normalised = xs.map((value) => (value - mean) * inverse);
      const sumDy = dys.reduce((sum, value) => sum + value, 0);
      const sumDyXhat = dys.reduce((sum, value, i) => sum + value * normalised[i]!, 0);
      const close = (actual: number, expected: number, what: string): void =>
        assert.ok(Math.abs(actual - expected) <= KERNEL_TOLERANCE * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
      close(dBeta[c]!, sumDy, `dβ[${c}]`);
      close(dGamma[c]!, sumDyXhat, `dγ[${c}]`);
      for (let i = 0; i < n; i++) {
        const expected = ((gamma[c]! * inverse) / n) * (n * dys[i]! - sumDy - normalised[i]! * sumDyXhat);
        close(dx[i * channels + c]!, expected, `dx[${i}][${c}]`);
      }
    }
  });
});

describe('Training MobileNetV2 on WebGPU', () => {
  /** Trains α 0.35 at 32 × 32 on one engine (measuring the noise scale every `measureEvery` steps, 0 never): each epoch's metrics, the weights at the end, and the tensors left. */
  async function trainOn(
    backend: string,
    images: number,
    epochs: number,
    measureEvery = 0,
  ): Promise<{ epochs: EpochMetrics[]; weights: Float32Array; leaked: number }> {
    assert.ok(await tf.setBackend(backend));
    const dataset = makeSyntheticDataset({ inputSize: 32, trainCount: images, valCount: 8, seed: 3 });
    const start = tf.memory().numTensors;
    const metrics: EpochMetrics[] = [];
    let last: Checkpoint | undefined;
    await trainModel({
      dataset,
      alpha: 0.35,
      batchSize: 8,
      learningRate: 0.01,
      epochs,
      seed: 5,
      shuffleBuffer: 64,
      noiseScale: measureEvery === 0 ? false : { ...defaultNoiseScale, interval: measureEvery },
      onEpoch: async (epoch, checkpoint) => {
        metrics.push(epoch);
        last = checkpoint;
      },
    });
    assert.ok(last);
    return { epochs: metrics, weights: new Float32Array(last.weights.slice().buffer), leaked: tf.memory().numTensors - start };
  }

  test(`takes the cpu and wasm backends' step from the same weights and batch, within ${STEP_TOLERANCE} of the step`, async (t) => {
    await selectBackend('wasm');
    await tf.setBackend('cpu');
    const initial = tf.tidy(() => buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: 4, seed: 5 }).weights.map((weight) => weight.read().dataSync()));
    const start = Float32Array.from(initial.flatMap((values) => Array.from(values)));
    const webgpu = await trainOn('webgpu', 8, 1);
    for (const reference of ['cpu', 'wasm']) {
      const other = await trainOn(reference, 8, 1);
      let largestStep = 0;
      let gap = 0;
      for (let i = 0; i < start.length; i++) {
        largestStep = Math.max(largestStep, Math.abs(other.weights[i]! - start[i]!));
        gap = Math.max(gap, Math.abs(webgpu.weights[i]! - other.weights[i]!));
      }
      const lossGap = Math.abs(webgpu.epochs[0]!.loss - other.epochs[0]!.loss) / other.epochs[0]!.loss;
      t.diagnostic(
        `against ${reference}: largest difference ${(gap / largestStep).toExponential(2)} of the largest change; loss ${lossGap.toExponential(2)} apart`,
      );
      assert.ok(gap / largestStep <= STEP_TOLERANCE, `${reference}: the step differs by ${gap} where it moves a weight by up to ${largestStep}`);
      assert.ok(lossGap <= STEP_TOLERANCE, `loss: webgpu ${webgpu.epochs[0]!.loss}, ${reference} ${other.epochs[0]!.loss}`);
    }
  });

  test("measures the noise scale's two gradient norms as the cpu backend does, from the same weights and batch", async () => {
    const dataset = makeSyntheticDataset({ inputSize: 32, trainCount: 8, valCount: 8, seed: 3 });
    const normsOn = async (backend: string): Promise<number[]> => {
      assert.ok(await tf.setBackend(backend));
      const model = buildClassifier({ alpha: 0.35, inputSize: 32, numClasses: dataset.numClasses, seed: 5 });
      const [batch] = makeBatches(dataset.train, 32, { batchSize: 8 });
      assert.ok(batch);
      const { xs, ys } = batch;
      const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
      const loss = (start: number, count: number): tf.Scalar =>
        crossEntropy(model.apply(xs.slice(start, count), { training: true }) as tf.Tensor2D, ys.slice(start, count), dataset.numClasses);
      const { halfNormSquared, bothNormSquared } = measureHalfBatchNorms(loss, variables, 4);
      const norms = [(await halfNormSquared.data())[0]!, (await bothNormSquared.data())[0]!];
      tf.dispose([halfNormSquared, bothNormSquared, xs, ys]);
      model.dispose();
      return norms;
    };
    const cpu = await normsOn('cpu');
    const webgpu = await normsOn('webgpu');
    // The gradients here, at the initial weights, are the largest of training: measured 0.3 %
    // apart, their float32 differences summed over 159 tensors.
    for (const [index, expected] of cpu.entries())
      assert.ok(Math.abs(webgpu[index]! - expected) <= 0.01 * expected, `cpu ${cpu.join(', ')}, webgpu ${webgpu.join(', ')}`);
  });

  // One step an epoch, not measuring (the test above checks the measurement's norms): the
  // software adapter trains this model at about an image a second, and the suite has 15 minutes.
  test('trains epochs with finite metrics, and leaves no tensor behind', async (t) => {
    const { epochs, leaked } = await trainOn('webgpu', 8, 2);
    t.diagnostic(`software adapter: ${epochs.map((epoch) => epoch.imagesPerSecond.toFixed(1)).join(', ')} training images/s by epoch`);
    assert.equal(leaked, 0, 'tensors left on webgpu after training');
    for (const epoch of epochs) {
      for (const value of [epoch.loss, epoch.accuracy, epoch.valLoss, epoch.valAccuracy, epoch.imagesPerSecond])
        assert.ok(Number.isFinite(value), JSON.stringify(epoch));
    }
  });
});

/**
 * Two steps of α 0.35 at 32 × 32 in one epoch, on the shapes the tests above trained with
 * (their GPU programs are compiled already), telling `onBatch` of each step done and
 * `onEpoch` of the epoch it would store.
 */
function trainTwoSteps(onBatch: (batch: number) => void, onEpoch: (epoch: number) => void): Promise<unknown> {
  return trainModel({
    dataset: makeSyntheticDataset({ inputSize: 32, trainCount: 16, valCount: 8, seed: 3 }),
    alpha: 0.35,
    batchSize: 8,
    learningRate: 0.01,
    epochs: 1,
    seed: 5,
    shuffleBuffer: 0,
    noiseScale: false,
    onBatch: ({ batch }) => onBatch(batch),
    onEpoch: async ({ epoch }) => {
      onEpoch(epoch);
    },
  });
}

describe('WebGPU device errors', () => {
  /** The device, and a call that makes it report a genuine validation error: a buffer larger than it allows. */
  function device(): { errorScope: (filter: string) => void; popError: () => Promise<Error | null>; overflow: () => void } {
    const gpu = (tf.backend() as unknown as { device: GpuDevice }).device;
    const { GPUBufferUsage } = globalThis as unknown as { GPUBufferUsage: { STORAGE: number } };
    return {
      errorScope: (filter) => gpu.pushErrorScope(filter),
      popError: () => gpu.popErrorScope(),
      overflow: () => void gpu.createBuffer({ size: 2 ** 40, usage: GPUBufferUsage.STORAGE }),
    };
  }

  test('says what a device error means, and what to do about it', async () => {
    await tf.setBackend('webgpu');
    const { errorScope, popError, overflow } = device();
    errorScope('validation');
    overflow();
    const tooLarge = await popError();
    assert.ok(tooLarge);
    assert.match(
      describeDeviceError(tooLarge),
      /^webgpu: a tensor is larger than the GPU allows in one buffer \(Buffer size \(1099511627776\) exceeds .*\): train with a smaller batch size/,
    );
    const { GPUOutOfMemoryError } = globalThis as unknown as { GPUOutOfMemoryError: new (message: string) => Error };
    assert.match(
      describeDeviceError(new GPUOutOfMemoryError('Allocation failed')),
      /^webgpu: the GPU ran out of memory \(Allocation failed\): train with a smaller batch size/,
    );
  });

  test('a device error fails training at the next step, before it is judged or stored', async () => {
    assert.ok(await tf.setBackend('webgpu'));
    const { overflow } = device();
    const stored: number[] = [];
    const reported: number[] = [];
    const start = tf.memory().numTensors;
    await assert.rejects(
      trainTwoSteps(
        (batch) => {
          reported.push(batch);
          if (batch === 1) overflow();
        },
        (epoch) => stored.push(epoch),
      ),
      (error: unknown) => error instanceof EngineFaultError && /^webgpu: a tensor is larger than the GPU allows in one buffer/.test(error.message),
    );
    assert.deepEqual(reported, [1], 'the step after the error was reported as done');
    assert.deepEqual(stored, []);
    assert.equal(tf.memory().numTensors - start, 0, 'tensors left after the failure');
  });
});

// Last: a destroyed device is lost for the rest of the process.
describe('A lost WebGPU device', () => {
  test('fails the training it interrupts as lost, whatever failed first', async () => {
    assert.ok(await tf.setBackend('webgpu'));
    const device = (tf.backend() as unknown as { device: { destroy(): void } }).device;
    await assert.rejects(
      trainTwoSteps(
        // Mid-epoch, as a driver reset would come: the next step's read is rejected.
        (batch) => {
          if (batch === 1) device.destroy();
        },
        () => assert.fail('an epoch stored from a lost device'),
      ),
      (error: unknown) =>
        error instanceof EngineLostError &&
        /^webgpu: the GPU device was lost \(destroyed: .*\); if it happens again, check the GPU's driver$/.test(error.message),
    );
  });
});

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

import { createRandom } from '../../data/seeded-random.js';
import { buildClassifier } from '../../model/build-mobilenet-v2.js';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { countLeaks } from '../testing/count-leaks.js';

const BATCH = 8;
const INPUT_SIZE = 32;
const NUM_CLASSES = 4;
const STEPS = 3;
const LEARNING_RATE = 0.05;

/**
 * Relative loss gap allowed at each step. Batch statistics over 8 images
 * amplify float32 rounding ~300× through the network's 52 batch norms;
 * measured gaps are 4e-5 at the first step and less later.
 */
const LOSS_TOLERANCE = 2e-4;

/**
 * Relative L2 gap ‖g_wasm − g_cpu‖ / ‖g_cpu‖ allowed per variable. The
 * backward pass amplifies rounding far more than the forward pass (gradient
 * norms reach ~600 at initialisation): measured worst gaps are 9e-3 at the
 * first step, 2.7e-2 when only the batch order changes, and below 5e-4 at
 * later steps. This is a check that every layer's gradient is wired up (a
 * depthwise filter gradient scaled by 1.3 fails it with 0.3); the kernel
 * tests check each kernel's values to 1e-4.
 */
const GRADIENT_TOLERANCE = 0.1;

/**
 * Variables whose gradient is zero in exact arithmetic (the biases of the
 * project batch norms, whose outputs only ever reach other batch norms,
 * which cancel any constant shift) show only rounding noise; they are
 * recognised by a norm this far below the largest and not compared.
 */
const ZERO_GRADIENT_RATIO = 1e-4;

/** One fixed batch: images uniform in [0, 1) from seed 7, labels 0, 1, 2, 3, 0, … */
function makeBatch(): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const random = createRandom(7);
  const pixels = Float32Array.from({ length: BATCH * INPUT_SIZE * INPUT_SIZE * 3 }, () => random());
  const y = tf.tidy(
    () =>
      tf.oneHot(
        tf.tensor1d(
          Array.from({ length: BATCH }, (_, i) => i % NUM_CLASSES),
          'int32',
        ),
        NUM_CLASSES,
      ) as tf.Tensor2D,
  );
  return { x: tf.tensor4d(pixels, [BATCH, INPUT_SIZE, INPUT_SIZE, 3]), y };
}

/** The state at one training step: weights before it, and the loss and gradients there. */
interface TrainingStep {
  names: string[];
  weights: Float32Array[];
  loss: number;
  gradients: Float32Array[];
}

/**
 * Runs MobileNetV2 α 0.35 training steps on `backend`, one per entry of
 * `startWeights` (or `STEPS` free-running SGD steps when it is omitted), and
 * records each step. With `startWeights`, each step starts from the given
 * weights, so that two backends are compared at the same points.
 */
async function recordTraining(backend: string, startWeights?: Float32Array[][]): Promise<TrainingStep[]> {
  if (!(await tf.setBackend(backend))) throw new Error(`expected backend ${backend} to initialise`);
  const model = buildClassifier({ alpha: 0.35, inputSize: INPUT_SIZE, numClasses: NUM_CLASSES, seed: 1 });
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const { x, y } = makeBatch();
  const variables = model.trainableWeights;
  try {
    const steps: TrainingStep[] = [];
    for (let step = 0; step < (startWeights?.length ?? STEPS); step++) {
      const start = startWeights?.[step];
      if (start !== undefined) {
        tf.tidy(() => variables.forEach((v, i) => v.write(tf.tensor(start[i] ?? [], v.shape as number[]))));
      }
      const weights = variables.map((v) => v.read().dataSync() as Float32Array);
      const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar);
      steps.push({
        names: variables.map((v) => v.originalName),
        weights,
        loss: value.dataSync()[0] ?? NaN,
        gradients: variables.map((v) => grads[(v.read() as tf.Variable).name]?.dataSync() as Float32Array),
      });
      optimizer.applyGradients(grads);
      tf.dispose([value, ...Object.values(grads)]);
    }
    return steps;
  } finally {
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  }
}

function norm(values: Float32Array): number {
  return Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
}

function distance(a: Float32Array, b: Float32Array): number {
  return Math.sqrt(a.reduce((sum, v, i) => sum + (v - (b[i] ?? NaN)) ** 2, 0));
}

before(() => {
  registerWasmTrainingKernels();
});

describe('registerWasmTrainingKernels', () => {
  test('registers the missing gradient kernels once and is idempotent', () => {
    for (const kernelName of [tf.Conv2DBackpropFilter, tf.DepthwiseConv2dNativeBackpropFilter, tf.DepthwiseConv2dNativeBackpropInput]) {
      assert.ok(tf.getKernel(kernelName, 'wasm'), `expected ${kernelName} registered for wasm`);
    }
    assert.deepEqual(registerWasmTrainingKernels(), []);
  });

  // Free-running curves are not comparable here: from the same start, wasm
  // gives losses 1.363, 2.109, 3.939 and cpu 1.363, 1.752, 2.605, but wasm
  // alone with the batch order reversed gives 1.363, 2.189, 1.897, and cpu
  // alone with the pixels scaled by 1 + 1e-6 gives 1.363, 1.755, 2.867: at
  // initialisation this network (batch norms over 8 images, down to 1×1
  // feature maps) turns float32 rounding into different trajectories. So wasm
  // is compared at each point of cpu's trajectory instead.
  test('matches cpu in loss and every gradient along 3 steps of MobileNetV2 SGD training', async () => {
    const cpu = await recordTraining('cpu');
    const wasm = await recordTraining(
      'wasm',
      cpu.map((step) => step.weights),
    );
    assert.notEqual(cpu[STEPS - 1]?.loss, cpu[0]?.loss, 'expected the steps to change the loss');
    for (const [step, reference] of cpu.entries()) {
      const actual = wasm[step];
      assert.ok(actual !== undefined, `expected a wasm step ${step}`);
      const lossGap = Math.abs(actual.loss - reference.loss) / Math.abs(reference.loss);
      assert.ok(lossGap <= LOSS_TOLERANCE, `expected step ${step} loss ${actual.loss} within ${LOSS_TOLERANCE} of cpu's ${reference.loss}, got ${lossGap}`);
      const norms = reference.gradients.map(norm);
      const largest = Math.max(...norms);
      reference.gradients.forEach((expected, i) => {
        const expectedNorm = norms[i] ?? 0;
        if (expectedNorm < ZERO_GRADIENT_RATIO * largest) return;
        const gap = distance(actual.gradients[i] ?? new Float32Array(), expected) / expectedNorm;
        assert.ok(gap <= GRADIENT_TOLERANCE, `expected step ${step} gradient of ${reference.names[i]} within ${GRADIENT_TOLERANCE} of cpu's, got ${gap}`);
      });
    }
  });

  test('leaves no tensors or wasm buffers behind after a MobileNetV2 gradient', async () => {
    await tf.setBackend('wasm');
    const model = buildClassifier({ alpha: 0.35, inputSize: INPUT_SIZE, numClasses: NUM_CLASSES, seed: 1 });
    const { x, y } = makeBatch();
    try {
      // Batch norm is a custom-gradient op that leaves buffers past its output on purpose (the
      // layer's new moving statistics): no per-kernel check here.
      const leaks = countLeaks(
        () => {
          const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor));
          assert.equal(Object.keys(grads).length, model.trainableWeights.length);
          tf.dispose([value, ...Object.values(grads)]);
        },
        { checkKernels: false },
      );
      assert.deepEqual(leaks, { tensors: 0, buffers: 0 });
    } finally {
      tf.dispose([x, y]);
      model.dispose();
    }
  });
});

// `npm run bench:profile`: where one training step of MobileNetV2 spends its time, kernel
// by kernel, forward and backward apart. Every kernel of the backend is wrapped with a
// timer that counts its own time only (a kernel composed from others, as the WASM
// gradient kernels are, is charged what its inner kernels do not take), and what no kernel
// accounts for is the engine's own work (the tape, tidy, bookkeeping).
//
//   npm run bench:profile -- [--backend wasm] [--alpha 0.35] [--input-size 32] [--batch-size 32] [--steps 10]
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { buildClassifier, crossEntropy, selectBackend, SgdOptimizer } from '@sweepscope/trainer';
import { modelStepOptions, readModelStepOptions } from './model-step-options.js';

const { values } = parseArgs({
  options: {
    ...modelStepOptions,
    steps: { type: 'string', default: '10' },
    top: { type: 'string', default: '30' },
  },
});
const { backend: preference, alpha, inputSize, batchSize } = readModelStepOptions(values);
const steps = Number(values.steps);
const numClasses = 10;

const backend = await selectBackend(preference);

type Phase = 'forward' | 'backward' | 'other';
let phase: Phase = 'other';
let recording = false;
/** Self time and calls per `phase kernel`. */
const totals = new Map<string, { ms: number; calls: number }>();
/** Time taken by the kernels running inside the kernel at each depth, to subtract from it. */
const innerTime: number[] = [];

for (const config of tf.getKernelsForBackend(tf.getBackend())) {
  const original = config.kernelFunc;
  const kernelFunc: tf.KernelFunc = (args) => {
    innerTime.push(0);
    const start = performance.now();
    try {
      return original(args);
    } finally {
      const elapsed = performance.now() - start;
      const inner = innerTime.pop() ?? 0;
      if (innerTime.length > 0) innerTime[innerTime.length - 1] = (innerTime.at(-1) ?? 0) + elapsed;
      if (recording) {
        const key = `${phase} ${config.kernelName}`;
        const entry = totals.get(key) ?? { ms: 0, calls: 0 };
        entry.ms += elapsed - inner;
        entry.calls += 1;
        totals.set(key, entry);
      }
    }
  };
  tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel({ ...config, kernelFunc });
}

const model = buildClassifier({ alpha, inputSize, numClasses, seed: 1 });
// The trainer's own optimizer, as training runs it.
const optimizer = new SgdOptimizer(0.01);
const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
const xs = tf.randomUniform([batchSize, inputSize, inputSize, 3]);
const ys = tf.randomUniform([batchSize], 0, numClasses, 'int32') as tf.Tensor1D;

async function step(): Promise<void> {
  const loss = optimizer.minimize(
    () => {
      phase = 'forward';
      const value = crossEntropy(model.apply(xs, { training: true }) as tf.Tensor2D, ys, numClasses);
      // Everything minimize does after the loss is known is the backward pass and the update.
      phase = 'backward';
      return value;
    },
    true,
    variables,
  );
  phase = 'other';
  await loss?.data();
  loss?.dispose();
}

for (let i = 0; i < 3; i += 1) await step();
recording = true;
const start = performance.now();
for (let i = 0; i < steps; i += 1) await step();
const wallMs = (performance.now() - start) / steps;
recording = false;

const rows = [...totals.entries()].map(([key, { ms, calls }]) => ({ key, ms: ms / steps, calls: calls / steps })).sort((a, b) => b.ms - a.ms);
const kernelMs = rows.reduce((sum, row) => sum + row.ms, 0);
const byPhase = (name: Phase): number => rows.filter((row) => row.key.startsWith(`${name} `)).reduce((sum, row) => sum + row.ms, 0);

console.log(`MobileNetV2 α ${alpha}, ${inputSize}×${inputSize}, batch ${batchSize} on ${backend.name} (${backend.reason})`);
console.log(`one step: ${wallMs.toFixed(1)} ms wall = ${((batchSize * 1000) / wallMs).toFixed(1)} images/s, over ${steps} steps after 3 of warm-up`);
console.log(
  `  forward kernels ${byPhase('forward').toFixed(1)} ms, backward + update kernels ${byPhase('backward').toFixed(1)} ms, ` +
    `other kernels ${byPhase('other').toFixed(1)} ms, outside any kernel ${(wallMs - kernelMs).toFixed(1)} ms`,
);
console.log('');
const top = rows.slice(0, Number(values.top));
const width = Math.max(...top.map((row) => row.key.length));
console.log(`${'phase kernel'.padEnd(width)}  ms/step   share  calls/step`);
for (const row of top) {
  console.log(
    `${row.key.padEnd(width)}  ${row.ms.toFixed(2).padStart(7)}  ${((100 * row.ms) / wallMs).toFixed(1).padStart(5)} %  ${row.calls.toFixed(0).padStart(10)}`,
  );
}

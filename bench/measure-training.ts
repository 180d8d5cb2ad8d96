// One backend's training throughput, measured through the trainer's own loop, measuring the
// gradient noise scale as training does unless `--no-noise-scale`: prints one
// JSON line, {"backend", "reason", "imagesPerSecond", "epochs": […]}, or
// {"backend", "unavailable"} when the engine does not load. Run by
// train-throughput.ts once per backend, each in a process of its own, since a process
// keeps the first TensorFlow.js engine that loads.
import { parseArgs } from 'node:util';
import { loadDataset, selectBackend, trainModel } from '@sweepscope/trainer';
import { modelStepOptions, readModelStepOptions } from './model-step-options.js';

const { values } = parseArgs({
  options: {
    ...modelStepOptions,
    batches: { type: 'string', default: '20' },
    epochs: { type: 'string', default: '3' },
    'no-noise-scale': { type: 'boolean', default: false },
  },
});
const { backend: preference, alpha, inputSize, batchSize } = readModelStepOptions(values);
const epochs = Number(values.epochs);

const backend = await selectBackend(preference).catch((error: unknown) => {
  // An engine that does not load here is a result too, not a crash.
  console.log(JSON.stringify({ backend: values.backend, unavailable: error instanceof Error ? error.message : String(error) }));
  process.exit(0);
});
// Synthetic images: speed does not depend on pixel values, and nothing is read from disk.
const dataset = await loadDataset({
  name: 'synthetic',
  inputSize,
  trainLimit: batchSize * Number(values.batches),
  valLimit: batchSize,
  seed: 1,
});
const rates: number[] = [];
await trainModel({
  dataset,
  alpha,
  batchSize,
  learningRate: 0.01,
  epochs,
  seed: 1,
  shuffleBuffer: 1000,
  ...(values['no-noise-scale'] ? { noiseScale: false as const } : {}),
  onEpoch: async (metrics) => {
    rates.push(metrics.imagesPerSecond);
  },
});
// The first epoch warms up (kernel set-up, memory growth): the median of the others is the engine's speed.
const measured = (rates.length > 1 ? rates.slice(1) : rates).sort((a, b) => a - b);
const middle = measured.length / 2;
const median = measured.length % 2 === 1 ? measured[Math.floor(middle)] : ((measured[middle - 1] ?? 0) + (measured[middle] ?? 0)) / 2;
console.log(JSON.stringify({ backend: backend.name, reason: backend.reason, imagesPerSecond: median, epochs: rates }));

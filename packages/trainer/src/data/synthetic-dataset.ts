import type { Dataset, Split } from './dataset.js';
import { createRandom, deriveSeed, type Random } from './seeded-random.js';

/** Options for {@link makeSyntheticDataset}. */
export interface MakeSyntheticDatasetOptions {
  /** Height and width of each image, in pixels. */
  inputSize: number;
  /** Number of classes. @default 4 */
  numClasses?: number;
  /** Training images; classes are balanced (image `i` has class `i % numClasses`). */
  trainCount: number;
  /** Validation images, balanced the same way. */
  valCount: number;
  /** Seed; the same seed and sizes give byte-identical data. */
  seed: number;
}

/** Streams for the two splits, so changing `valCount` leaves the training images unchanged. */
const TRAIN_STREAM = 1;
const VAL_STREAM = 2;

/**
 * Makes a small, learnable image set for tests and smoke runs, with no files
 * or network needed. Each class has its own colour (hues spread evenly) and
 * its own stripe orientation (horizontal, vertical, diagonal, checker),
 * drawn with a random phase, brightness and per-pixel noise, so a network
 * must generalise slightly but a few epochs visibly raise accuracy.
 *
 * @returns a {@link Dataset} named `'synthetic'`, images `[count, inputSize, inputSize, 3]` uint8, `skipped` empty
 * @throws Error when a size or count is not a valid integer
 */
export function makeSyntheticDataset(options: MakeSyntheticDatasetOptions): Dataset {
  const { inputSize, numClasses = 4, trainCount, valCount, seed } = options;
  for (const [name, value, min] of [
    ['inputSize', inputSize, 1],
    ['numClasses', numClasses, 1],
    ['trainCount', trainCount, 0],
    ['valCount', valCount, 0],
  ] as const) {
    if (!Number.isInteger(value) || value < min) throw new Error(`expected ${name} to be an integer ≥ ${min}, got ${value}`);
  }
  const train = makeSplit(trainCount, inputSize, numClasses, createRandom(deriveSeed(seed, TRAIN_STREAM)));
  const val = makeSplit(valCount, inputSize, numClasses, createRandom(deriveSeed(seed, VAL_STREAM)));
  return { name: 'synthetic', numClasses, inputSize, train, val, skipped: [] };
}

function makeSplit(count: number, inputSize: number, numClasses: number, random: Random): Split {
  const pixels = inputSize * inputSize * 3;
  const images = new Uint8Array(count * pixels);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    const label = i % numClasses;
    labels[i] = label;
    drawImage(images.subarray(i * pixels, (i + 1) * pixels), inputSize, label, numClasses, random);
  }
  return { images, size: inputSize, labels, count };
}

function drawImage(target: Uint8Array, size: number, label: number, numClasses: number, random: Random): void {
  const colour = hueToRgb(label / numClasses);
  const orientation = label % 4;
  // Stripes a few pixels wide survive the stride-2 stem even at 32×32.
  const period = Math.max(2, Math.round(size / 8));
  const phase = Math.floor(random() * period);
  const brightness = 0.8 + 0.4 * random();
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const on = stripe(orientation, x + phase, y + phase, period);
      for (let c = 0; c < 3; c += 1) {
        const base = 40 + (on ? 170 * (colour[c] ?? 0) : 30);
        const noise = (random() - 0.5) * 64;
        target[(y * size + x) * 3 + c] = clampByte(base * brightness + noise);
      }
    }
  }
}

function stripe(orientation: number, x: number, y: number, period: number): boolean {
  const band = (v: number): number => Math.floor(v / period) % 2;
  switch (orientation) {
    case 0:
      return band(y) === 0;
    case 1:
      return band(x) === 0;
    case 2:
      return band(x + y) === 0;
    default:
      return (band(x) + band(y)) % 2 === 0;
  }
}

/** Fully saturated colour for a hue in [0, 1), as RGB in [0, 1]. */
function hueToRgb(hue: number): [number, number, number] {
  const channel = (offset: number): number => {
    const k = (offset + hue * 6) % 6;
    return 1 - Math.max(0, Math.min(k, 4 - k, 1));
  };
  return [channel(5), channel(3), channel(1)];
}

function clampByte(value: number): number {
  return Math.min(255, Math.max(0, Math.round(value)));
}

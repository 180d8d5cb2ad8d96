import { createRandom, deriveSeed } from './seeded-random.js';

/** Options for {@link shuffleOrder}. */
export interface ShuffleOrderOptions {
  /** Number of elements to order. */
  count: number;
  /**
   * Size of the sliding shuffle buffer, as in tf.data's `shuffle(1000)`.
   * 0 or 1 keeps the input order; ≥ `count` gives a full uniform shuffle.
   */
  bufferSize: number;
  /** Run seed. */
  seed: number;
  /** Epoch number; each epoch is reshuffled from `(seed, epoch)`. */
  epoch: number;
}

/**
 * Returns the order in which tf.data's `shuffle(bufferSize)` would emit
 * elements `0 … count - 1`: the buffer is filled with the first
 * `bufferSize` elements, then each step emits a uniformly chosen buffer slot
 * and refills it with the next input element; when the input runs out, the
 * buffer drains in random order. With a buffer smaller than the data set an
 * element can move at most `bufferSize - 1` places earlier, which is why the
 * reference study's `shuffle(1000)` only partly mixes a large, ordered set.
 *
 * @returns a permutation of `0 … count - 1`, `[count]`
 * @throws Error when `count` or `bufferSize` is negative or not an integer
 */
export function shuffleOrder(options: ShuffleOrderOptions): Int32Array {
  const { count, bufferSize, seed, epoch } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error(`expected count to be an integer ≥ 0, got ${count}`);
  if (!Number.isInteger(bufferSize) || bufferSize < 0) {
    throw new Error(`expected bufferSize to be an integer ≥ 0, got ${bufferSize}`);
  }
  const order = new Int32Array(count);
  if (bufferSize <= 1) {
    for (let i = 0; i < count; i += 1) order[i] = i;
    return order;
  }
  const random = createRandom(deriveSeed(seed, epoch));
  const buffer = new Int32Array(Math.min(bufferSize, count));
  let filled = 0;
  let next = 0;
  while (filled < buffer.length) buffer[filled++] = next++;
  let out = 0;
  while (filled > 0) {
    const slot = Math.floor(random() * filled);
    order[out++] = buffer[slot] ?? 0;
    if (next < count) {
      buffer[slot] = next++;
    } else {
      // Input exhausted: shrink the buffer by moving its last element into the hole.
      filled -= 1;
      buffer[slot] = buffer[filled] ?? 0;
    }
  }
  return order;
}

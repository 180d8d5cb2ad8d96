/**
 * A seeded pseudo-random source: returns uniform floats in [0, 1).
 * Same seed, same sequence, on every machine.
 */
export type Random = () => number;

/**
 * Creates a mulberry32 generator. It is small, fast and good enough for
 * shuffling and synthetic noise; it is not cryptographic.
 *
 * @param seed any number; only its low 32 bits matter
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes several integers into one 32-bit seed, so that streams derived from
 * e.g. `(seed, epoch)` do not overlap the way `seed + epoch` would.
 *
 * @param parts integers to combine, in order
 * @returns an unsigned 32-bit seed
 */
export function deriveSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    // Fold in the low and high 32 bits so large seeds still differ.
    for (const word of [part >>> 0, Math.floor(part / 4294967296) >>> 0]) {
      h = Math.imul(h ^ word, 0x01000193);
      h ^= h >>> 13;
      h = Math.imul(h, 0x5bd1e995);
      h ^= h >>> 15;
    }
  }
  return h >>> 0;
}

/**
 * Shuffles an array in place (Fisher–Yates), uniformly and the same way for the same
 * generator state.
 *
 * @param items the array to reorder
 * @param random a generator from {@link createRandom}
 * @returns `items`, reordered
 */
export function shuffleInPlace<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const item = items[i] as T;
    items[i] = items[j] as T;
    items[j] = item;
  }
  return items;
}

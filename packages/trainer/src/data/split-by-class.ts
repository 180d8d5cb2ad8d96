import { createRandom, deriveSeed, shuffleInPlace } from './seeded-random.js';

/** Keeps this split's random stream apart from others derived from the same seed. */
const SPLIT_STREAM = 0x5911;

/** Options for {@link splitByClass}. */
export interface SplitByClassOptions {
  /** Items per class, `[numClasses][items]`; not modified. */
  byClass: readonly (readonly string[])[];
  /** Share of each class that goes to validation, in `[0, 1)`, rounded to the nearest whole item. */
  valFraction: number;
  /** Seed; the same seed and items give the same split. */
  seed: number;
}

/** The two halves of a {@link splitByClass}, each `[numClasses][items]`. */
export interface ClassSplit {
  train: string[][];
  val: string[][];
}

/**
 * Splits every class on its own into training and validation items (a stratified
 * split), picking validation items at random from the seed. Each class draws from its
 * own stream, so adding files to one class leaves the others' splits unchanged. A class
 * always keeps at least one training item, since a class the model never trains on
 * cannot be learnt.
 *
 * @returns per class, `round(n × valFraction)` items (at most `n - 1`) in `val` and the rest
 *   in `train`, each in its original order
 * @throws Error when `valFraction` is not in `[0, 1)`
 */
export function splitByClass(options: SplitByClassOptions): ClassSplit {
  const { byClass, valFraction, seed } = options;
  if (!(valFraction >= 0 && valFraction < 1)) throw new Error(`expected valFraction in [0, 1), got ${valFraction}`);
  const train: string[][] = [];
  const val: string[][] = [];
  byClass.forEach((items, cls) => {
    const order = shuffleInPlace(
      items.map((_, i) => i),
      createRandom(deriveSeed(seed, SPLIT_STREAM, cls)),
    );
    const valCount = Math.min(Math.round(items.length * valFraction), Math.max(items.length - 1, 0));
    const isVal = new Set(order.slice(0, valCount));
    train.push(items.filter((_, i) => !isVal.has(i)));
    val.push(items.filter((_, i) => isVal.has(i)));
  });
  return { train, val };
}

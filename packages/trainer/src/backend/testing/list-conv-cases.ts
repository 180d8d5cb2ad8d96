import { createRandom } from '../../data/seeded-random.js';

/** One convolution geometry for a gradient test. */
export interface ConvCase {
  /** Readable summary for the test name, e.g. `"3×3 stride 2 same, x [3, 9, 7, 5]"`. */
  label: string;
  /** `[batch, height, width, channels]` */
  xShape: [number, number, number, number];
  /** Square kernel size (1 or 3). */
  kernel: number;
  stride: 1 | 2;
  pad: 'same' | 'valid';
  /** Seed for this case's data. */
  seed: number;
}

/**
 * Every combination of kernel 1×1 / 3×3, stride 1 / 2, 'same' / 'valid' and
 * batch 1 / 3, each with a random input size between 5 and 11 (heights odd,
 * widths either) and 1–6 channels, drawn from `seed`.
 *
 * @param seed seeds the sizes and each case's data
 * @returns 16 cases
 */
export function listConvCases(seed: number): ConvCase[] {
  const random = createRandom(seed);
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const cases: ConvCase[] = [];
  for (const kernel of [1, 3]) {
    for (const stride of [1, 2] as const) {
      for (const pad of ['same', 'valid'] as const) {
        for (const batch of [1, 3]) {
          const xShape: ConvCase['xShape'] = [batch, 2 * between(2, 5) + 1, between(5, 11), between(1, 6)];
          cases.push({
            label: `${kernel}×${kernel} stride ${stride} ${pad}, x [${xShape.join(', ')}]`,
            xShape,
            kernel,
            stride,
            pad,
            seed: between(0, 2 ** 31),
          });
        }
      }
    }
  }
  return cases;
}

/** One line to draw: its x values and, at each, a y value or null. */
export interface Line {
  x: readonly number[];
  y: readonly (number | null)[];
}

/**
 * Puts lines with x values of their own onto one shared x-axis: the ascending
 * union of every line's x values first, then each line's y at each of them,
 * null where the line has no point (the chart draws across it). A line with two points at one x keeps the last.
 *
 * @returns `[x, y₁, y₂, …]`, every array as long as `x`.
 */
export function alignSeries(lines: readonly Line[]): [number[], ...(number | null)[][]] {
  const xs = [...new Set(lines.flatMap((line) => line.x))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = lines.map((line) => {
    const aligned: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    line.x.forEach((x, i) => {
      aligned[index.get(x) ?? 0] = line.y[i] ?? null;
    });
    return aligned;
  });
  return [xs, ...ys];
}

/** One point of one repeat's series. */
export interface RepeatPoint {
  /** 1-based. */
  epoch: number;
  /** Where the point sits on the x-axis. */
  x: number;
  /** Null, or a non-finite number, where the repeat has no usable value. */
  y: number | null;
}

/** The repeats of a cell at one epoch. */
export interface CombinedPoint {
  epoch: number;
  /**
   * The mean x of the repeats that reached this epoch: the same for each on the epoch,
   * step and image axes; their mean training time on the time axis.
   */
  x: number;
  /** Mean of the finite values; null when none has one. */
  mean: number | null;
  /** Sample standard deviation (n − 1) of the finite values; null with fewer than two. */
  sd: number | null;
  /** How many repeats the mean is over. */
  n: number;
}

/**
 * Combines the repeats of one cell epoch by epoch: the mean and the sample
 * standard deviation of the repeats that reached each epoch, for a mean line
 * with a ±1 standard deviation band. A repeat still training, or stopped
 * early, simply adds nothing to the epochs it has not reached, so the newest
 * epochs may rest on fewer repeats (`n` says how many).
 *
 * @param repeats - each repeat's points, in any order.
 * @returns one point per epoch any repeat reached, ascending by epoch.
 */
export function combineRepeats(repeats: readonly (readonly RepeatPoint[])[]): CombinedPoint[] {
  const byEpoch = new Map<number, { xs: number[]; ys: number[] }>();
  for (const points of repeats) {
    for (const point of points) {
      const at = byEpoch.get(point.epoch) ?? { xs: [], ys: [] };
      at.xs.push(point.x);
      if (point.y !== null && Number.isFinite(point.y)) at.ys.push(point.y);
      byEpoch.set(point.epoch, at);
    }
  }
  return [...byEpoch.entries()]
    .sort(([a], [b]) => a - b)
    .map(([epoch, { xs, ys }]) => {
      const n = ys.length;
      const mean = n === 0 ? null : ys.reduce((sum, y) => sum + y, 0) / n;
      const sd = mean === null || n < 2 ? null : Math.sqrt(ys.reduce((sum, y) => sum + (y - mean) ** 2, 0) / (n - 1));
      return { epoch, x: xs.reduce((sum, x) => sum + x, 0) / xs.length, mean, sd, n };
    });
}

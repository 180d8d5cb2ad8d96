/** A least-squares line y = intercept + slope · x. */
export interface LineFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope, from the residuals; null with fewer than three points (no residual degrees of freedom). */
  slopeStandardError: number | null;
  /** Number of points fitted. */
  n: number;
}

/**
 * Fits y = intercept + slope · x by ordinary least squares.
 * @throws {RangeError} when the lists differ in length, hold fewer than two points, or every x is the same (the slope is undefined)
 */
export function fitLine(x: readonly number[], y: readonly number[]): LineFit {
  const n = x.length;
  if (n !== y.length || n < 2) throw new RangeError(`fitLine: expected as many y as x, at least 2, got ${n} x and ${y.length} y.`);
  const meanX = x.reduce((sum, value) => sum + value, 0) / n;
  const meanY = y.reduce((sum, value) => sum + value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i += 1) {
    sxx += (x[i]! - meanX) ** 2;
    sxy += (x[i]! - meanX) * (y[i]! - meanY);
  }
  if (sxx === 0) throw new RangeError('fitLine: expected at least two different x values, got one.');
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  if (n < 3) return { slope, intercept, slopeStandardError: null, n };
  const residualSquares = x.reduce((sum, value, i) => sum + (y[i]! - intercept - slope * value) ** 2, 0);
  return { slope, intercept, slopeStandardError: Math.sqrt(residualSquares / (n - 2) / sxx), n };
}

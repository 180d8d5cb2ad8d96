/** A batch size with a learning rate, as the conclusions name a cell. */
export interface CellKey {
  batchSize: number;
  learningRate: number;
}

/**
 * A learning rate to three significant digits without trailing zeros, as the
 * API's sentences write it: 0.001 → `0.001`, 0.10000000000000002 → `0.1`.
 */
export function formatLearningRate(learningRate: number): string {
  return String(Number(learningRate.toPrecision(3)));
}

/** A cell as the API's sentences name it: `batch 32, LR 0.1`. */
export function formatCell({ batchSize, learningRate }: CellKey): string {
  return `batch ${batchSize}, LR ${formatLearningRate(learningRate)}`;
}

/** A difference of two fractions (0–1) in percentage points, one decimal: 0.55 → `55.0 pts`. */
export function formatPoints(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} pts`;
}

/** A two-sided p-value as the API's sentences write it: `< 0.001`, else three decimals. */
export function formatPValue(pValue: number): string {
  return pValue < 0.001 ? '< 0.001' : pValue.toFixed(3);
}

/** A number to a fixed number of decimals; null (no value) → `–`. @param digits @default 2 */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/** A run as the charts and tables name it: `batch 32, LR 0.1`, with `, repeat 2` when the sweep repeats cells. */
export function formatRunLabel(run: CellKey & { repeat: number }, withRepeat: boolean): string {
  return withRepeat ? `${formatCell(run)}, repeat ${run.repeat}` : formatCell(run);
}

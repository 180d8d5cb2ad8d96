/** A grid cell: one batch size with one learning rate. */
export interface CellKey {
  /** Images per step. */
  batchSize: number;
  learningRate: number;
}

/** A run as the sentences name it: its id, cell and repeat. */
export interface RunKey extends CellKey {
  runId: number;
  repeat: number;
}

/** What the sentences of the conclusions write numbers as. */
export const format = {
  /** A fraction 0–1 as a percentage with one decimal: 0.8382 → "83.8%". */
  percent: (fraction: number): string => `${(fraction * 100).toFixed(1)}%`,
  /** A difference of two fractions in percentage points with one decimal: 0.55 → "55.0 points". */
  points: (fraction: number): string => `${(fraction * 100).toFixed(1)} points`,
  /** A learning rate to three significant digits, without trailing zeros: 0.001 → "0.001". */
  learningRate: (learningRate: number): string => String(Number(learningRate.toPrecision(3))),
  /** Any other number to a fixed number of decimals: (1.6609, 2) → "1.66". */
  decimal: (value: number, digits = 2): string => value.toFixed(digits),
  /** A cell as the sentences name it: "batch 32, LR 0.1". */
  cell: ({ batchSize, learningRate }: CellKey): string => `batch ${batchSize}, LR ${format.learningRate(learningRate)}`,
  /** A run as the sentences name it: "run 7 (batch 32, LR 0.1, repeat 2)". */
  run: (run: RunKey): string => `run ${run.runId} (${format.cell(run)}, repeat ${run.repeat})`,
  /** A run as a number's label names it, without nested brackets: "run 7: batch 32, LR 0.1, repeat 2". */
  runLabel: (run: RunKey): string => `run ${run.runId}: ${format.cell(run)}, repeat ${run.repeat}`,
  /** Text with its first letter capitalised, to open a sentence: "batch 32 …" → "Batch 32 …". */
  capitalized: (text: string): string => text.charAt(0).toUpperCase() + text.slice(1),
  /** Items joined as a sentence lists them: "a", "a and b", "a, b and c". */
  list: (items: readonly string[]): string => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
};

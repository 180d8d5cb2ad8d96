/** One row of the results table: a run and its last epoch. */
export interface ResultRow {
  batchSize: number;
  learningRate: number;
  status: string;
  loss?: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
  /** Wall time of the run, in seconds. */
  seconds?: number;
  backend?: string | null;
}

const columns = ['batch size', 'learning rate', 'status', 'loss', 'accuracy', 'val_loss', 'val_accuracy', 'time', 'backend'];

/**
 * The final table in the reference study's form (batch size, learning rate, loss, accuracy,
 * val_loss, val_accuracy), plus the run's status, time and backend.
 */
export function formatResultsTable(rows: readonly ResultRow[]): string {
  const cells = rows.map((row) => [
    String(row.batchSize),
    String(row.learningRate),
    row.status,
    metric(row.loss),
    metric(row.accuracy),
    metric(row.valLoss),
    metric(row.valAccuracy),
    row.seconds === undefined ? '–' : `${row.seconds.toFixed(1)} s`,
    row.backend ?? '–',
  ]);
  const widths = columns.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]?.length ?? 0)));
  const render = (line: readonly string[]): string => line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [render(columns), render(widths.map((width) => '-'.repeat(width))), ...cells.map(render)].join('\n');
}

function metric(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(4);
}
